#!/usr/bin/env bash
# The Slurm test of `osteosim trial --slurm` (issue 17): brings up a single-node Slurm cluster on this machine
# (Debian's slurm-wlm and munge, as root), writes submit-slurm.sh for a 4-task job array, submits it (the merge job
# depends on the array; sbatch --wait on it), and compares the merged summary.json (which carries a checksum of
# every per-patient value) with a single-machine run, byte for byte. Stops the daemons it started.
# Usage (as root): tools/slurm/test-slurm.sh [OSTEOSIM_BINARY]   (default .build/debug/osteosim)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/osteosim}")
TRIAL=$(realpath tools/slurm/trial.yaml)
[ -x "$BIN" ] || { echo "test-slurm: $BIN is not built" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "test-slurm: needs root (it starts munged, slurmctld and slurmd)" >&2; exit 2; }
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
HOST=$(hostname -s)
WORK=$(mktemp -d /tmp/osteosim-slurm-test.XXXXXX)
STARTED=()
cleanup() {
  set +e
  if [[ " ${STARTED[*]} " == *" slurm "* ]]; then scontrol shutdown >/dev/null 2>&1; sleep 1; fi
  for pidfile in /run/slurmd.pid /run/slurmctld.pid; do
    [[ " ${STARTED[*]} " == *" slurm "* ]] && [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  [[ " ${STARTED[*]} " == *" munge "* ]] && [ -s /run/munge/munged.pid ] && kill "$(cat /run/munge/munged.pid)" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# munge: a key, then the daemon (unless one runs).
mkdir -p /etc/munge /var/log/munge /var/lib/munge /run/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/log/munge /var/lib/munge /run/munge
chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged
  STARTED+=(munge)
fi

# Slurm: one node (this host) with all its CPUs, no cgroups.
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=osteosim-test
SlurmctldHost=$HOST
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
if ! pgrep -x slurmctld >/dev/null; then
  slurmctld -c
  slurmd -c
  STARTED+=(slurm)
fi
for i in $(seq 1 60); do
  state=$(sinfo -h -n "$HOST" -o %T 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  [ "$i" = 30 ] && scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
  sleep 1
done
[ "${state:-}" = idle ] || { echo "test-slurm: the node did not come up (state '${state:-none}')" >&2; tail -20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2; exit 1; }
echo "test-slurm: single-node cluster up ($HOST, $(nproc) CPUs)"

start=$(date +%s)
"$BIN" trial "$TRIAL" --output "$WORK/single" --quiet > /dev/null
"$BIN" trial "$TRIAL" --slurm 4 --output "$WORK/slurm" > /dev/null
OSTEOSIM_SBATCH_WAIT=1 bash "$WORK/slurm/submit-slurm.sh"
[ -s "$WORK/slurm/summary.json" ] || { echo "test-slurm: no merged summary" >&2; cat "$WORK"/slurm/slurm/*.out >&2 || true; exit 1; }
for i in 1 2 3 4; do [ -s "$WORK/slurm/shards/shard-$i/results.sqlite" ] || { echo "test-slurm: shard $i missing" >&2; exit 1; }; done
if cmp -s "$WORK/single/summary.json" "$WORK/slurm/summary.json" && cmp -s "$WORK/single/summary.csv" "$WORK/slurm/summary.csv"; then
  echo "test-slurm: 4-task job array + merge job = single-machine run (summary.json and summary.csv identical, checksum $(grep -o 'fnv1a64:[0-9a-f]*' "$WORK/slurm/summary.json")) in $(( $(date +%s) - start )) s"
else
  echo "test-slurm: the merged Slurm result differs from the single-machine run" >&2
  diff "$WORK/single/summary.json" "$WORK/slurm/summary.json" | head -20 >&2
  exit 1
fi
