#!/bin/sh
#
# Restart helper injected by devspace-build (injectRestartHelper / injectLegacyRestartHelper): it runs the container's
# command and starts it again in place, without restarting the container, when asked.
#
# How a restart is asked for (the same contract as DevSpace's dev mode):
#   - the running command's process id is kept in /.devspace/devspace-pid; removing that file (and, as DevSpace does,
#     killing that process group) restarts the command at once;
#   - creating /.devspace/restart does the same, for tools other than DevSpace;
#   - when the command ends by itself the helper waits 7 seconds and starts it again.
# When wait_for_start is true, the command starts only once /.devspace/start exists (DevSpace creates it when the
# initial sync is done). TERM or INT stop the command (its whole process group) and end the helper with its exit code.
# Needs sh, sleep, mkdir and rm; setsid, when present, gives the command its own process group.

dir=/.devspace
pid_file="$dir/devspace-pid"
start_file="$dir/start"
restart_file="$dir/restart"
wait_for_start=@WAIT_FOR_START@
running=true
child=""
watcher=""

signal_child() {
  if [ -n "$child" ]; then
    kill "-$1" "-$child" 2>/dev/null || kill "-$1" "$child" 2>/dev/null
  fi
}

stop() {
  running=false
  rm -f "$pid_file"
  signal_child TERM
}

trap stop TERM INT
mkdir -p "$dir" 2>/dev/null

if [ "$wait_for_start" = true ]; then
  waited=0
  while $running && [ ! -f "$start_file" ]; do
    if [ "$waited" = 0 ]; then
      echo "restart helper: waiting for $start_file (the initial sync) before starting the command..."
    fi
    sleep 1
    waited=$(( (waited + 1) % 30 ))
  done
fi

code=0
while $running; do
  rm -f "$restart_file"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" &
  else
    "$@" &
  fi
  child=$!
  echo "$child" > "$pid_file"
  # the watcher turns a removed pid file or a created restart file into the end of the command
  (
    while sleep 1; do
      if [ -f "$restart_file" ] || [ ! -f "$pid_file" ]; then
        rm -f "$restart_file" "$pid_file"
        signal_child TERM
        sleep 5
        signal_child KILL
        exit 0
      fi
    done
  ) &
  watcher=$!
  wait "$child"
  code=$?
  if ! $running && kill -0 "$child" 2>/dev/null; then
    # TERM/INT interrupted the wait: let the command finish, then end with its code
    wait "$child"
    code=$?
  fi
  kill "$watcher" 2>/dev/null
  wait "$watcher" 2>/dev/null
  child=""
  if ! $running; then
    break
  fi
  if [ -f "$pid_file" ]; then
    rm -f "$pid_file"
    echo "restart helper: the command exited with code $code; starting it again in 7 seconds"
    sleep 7
  fi
  $running && echo "restart helper: restarting the command"
done
exit "$code"
