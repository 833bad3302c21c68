{{/*
The five services, keyed as in .Values.services. name: resource and image name; consumer: has Kafka consumers
(a replica beyond the topic partitions holds no partition and never becomes ready).
*/}}
{{- define "teams-cpe.catalog" -}}
credential:
  name: credential-service
  consumer: false
session:
  name: session-service
  consumer: false
attendance:
  name: attendance-ingest-service
  consumer: true
polling:
  name: polling-service
  consumer: true
reporting:
  name: reporting-service
  consumer: true
{{- end -}}

{{/*
Public paths each service owns, as Gateway API path matches. The matches of different services never overlap
(several services share /api/sessions/{id}/, so those routes match the segment after the id), so no gateway's
precedence rules decide an owner. /internal/** and /q/** are never matched. deploy-checks proves every path of
every service's OpenAPI document reaches exactly its owner.
*/}}
{{- define "teams-cpe.routes" -}}
credential:
  - type: PathPrefix
    value: /api/providers
  - type: PathPrefix
    value: /webcast_credential_proxy_in/MicrosoftTeamsUtility
session:
  - type: PathPrefix
    value: /api/rulesets
  - type: Exact
    value: /api/sessions
  - type: RegularExpression
    value: ^/api/sessions/[0-9A-Za-z_-]+$
  - type: RegularExpression
    value: ^/api/sessions/[0-9A-Za-z_-]+/(preflight|enrollments|launch)(/.*)?$
attendance:
  - type: RegularExpression
    value: ^/api/sessions/[0-9A-Za-z_-]+/attendance(/.*)?$
polling:
  - type: RegularExpression
    value: ^/api/sessions/[0-9A-Za-z_-]+/polls(/.*)?$
reporting:
  - type: RegularExpression
    value: ^/api/sessions/[0-9A-Za-z_-]+/(raw-data|completion|process|processing-runs|attendance-mappings|audit-bundle)(/.*)?$
{{- end -}}

{{- define "teams-cpe.chart" -}}
{{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* resource name of one service: <release>-<service> */}}
{{- define "teams-cpe.name" -}}
{{ printf "%s-%s" .root.Release.Name .svc.name | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* selector labels: never a version (Deployment selectors are immutable) */}}
{{- define "teams-cpe.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "teams-cpe.labels" -}}
{{ include "teams-cpe.selectorLabels" . }}
app.kubernetes.io/part-of: teams-cpe
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "teams-cpe.chart" .root }}
{{- end -}}

{{/* labels of objects that belong to the release as a whole */}}
{{- define "teams-cpe.releaseLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: teams-cpe
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "teams-cpe.chart" . }}
{{- end -}}

{{- define "teams-cpe.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.repository .svc.name (.root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end -}}

{{/* Quarkus waits this long for in-flight requests; the pod gets preStop + this + 5 s before SIGKILL */}}
{{- define "teams-cpe.terminationGracePeriodSeconds" -}}
{{ add .Values.shutdown.preStopSleepSeconds .Values.shutdown.timeoutSeconds 5 }}
{{- end -}}

{{/* whether a service runs at least two replicas at all times (a PodDisruptionBudget then makes sense) */}}
{{- define "teams-cpe.highlyAvailable" -}}
{{- if .values.autoscaling.enabled -}}
{{ ge (int .values.autoscaling.minReplicas) 2 }}
{{- else -}}
{{ ge (int .values.replicas) 2 }}
{{- end -}}
{{- end -}}
