# Kept outside the worker's context (./services/worker): the in-memory copy is sent with the context.
FROM scratch
COPY bin/ /usr/local/bin/
COPY jobs.yaml /etc/worker/jobs.yaml
ENTRYPOINT ["/usr/local/bin/worker"]
CMD ["--jobs", "/etc/worker/jobs.yaml"]
