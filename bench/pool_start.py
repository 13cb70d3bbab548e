"""Local pool start to first answer (issue 16), for bench/run.sh.

Usage: python3 bench/pool_start.py RUNS OUT.json NAME=COMMAND...
Each COMMAND (split on spaces; `local-pool --port 0 --write-config FILE` is appended) is started RUNS times, the
commands interleaved. Timed from just before the process is spawned: "ready", until the first line on stdout (the
endpoint) has come and one sign-in call answered (InitiateAuth, USER_SRP_AUTH for the demo user: a PASSWORD_VERIFIER
challenge, which needs no signing key); "JWKS", until the pool's JWKS document answered after that (the signing key
made). Then the pool is stopped (SIGTERM to its process group, waited for). Loopback only; every wait bounded (60 s). Writes the medians and
all the samples as JSON; prints one line per command.
"""
import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

TIMEOUT = 60


def call(url, body=None, target=None):
    headers = {"Content-Type": "application/x-amz-json-1.1"}
    if target:
        headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService." + target
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return json.loads(response.read())


def one_start(command, work):
    config = os.path.join(work, "pool.json")
    if os.path.exists(config):
        os.remove(config)
    argv = shlex.split(command) + ["local-pool", "--port", "0", "--write-config", config]
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        endpoint = process.stdout.readline().decode().strip()
        if not endpoint.startswith("http://127.0.0.1:"):
            raise SystemExit(f"pool_start: '{command}' printed no loopback endpoint: {endpoint!r}")
        # The config file is written before the endpoint line is printed.
        pool = json.load(open(config))["CognitoUserPool"]["Default"]
        body = json.dumps({"AuthFlow": "USER_SRP_AUTH", "ClientId": pool["AppClientId"],
                           "AuthParameters": {"USERNAME": "demo", "SRP_A": "2" * 64}}).encode()
        answer = call(endpoint + "/", body, "InitiateAuth")
        ready = time.monotonic() - start
        if answer.get("ChallengeName") != "PASSWORD_VERIFIER":
            raise SystemExit(f"pool_start: unexpected answer from '{command}': {answer}")
        jwks = call(f"{endpoint}/{pool['PoolId']}/.well-known/jwks.json")
        keyed = time.monotonic() - start
        if not jwks.get("keys"):
            raise SystemExit(f"pool_start: no key in the JWKS of '{command}'")
        return ready, keyed
    finally:
        # The whole group: the zip's launcher may run java in the foreground (its first run of a command trains a cache).
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main():
    runs, out, specs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    commands = [spec.split("=", 1) for spec in specs]
    samples = {name: {"ready": [], "jwks": []} for name, _ in commands}
    with tempfile.TemporaryDirectory() as work:
        for name, command in commands:  # one unmeasured start each: page cache, the launcher's CDS archive
            one_start(command, work)
        for _ in range(runs):
            for name, command in commands:
                ready, keyed = one_start(command, work)
                samples[name]["ready"].append(ready)
                samples[name]["jwks"].append(keyed)
    result = {name: {"ready": statistics.median(s["ready"]), "jwks": statistics.median(s["jwks"]),
                     "ready_min": min(s["ready"]), "ready_max": max(s["ready"]), "runs": runs, "samples": s}
              for name, s in samples.items()}
    json.dump(result, open(out, "w"), indent=1)
    for name, r in result.items():
        print(f"{name}: ready {r['ready'] * 1000:.0f} ms (min {r['ready_min'] * 1000:.0f}, max {r['ready_max'] * 1000:.0f}),"
              f" JWKS {r['jwks'] * 1000:.0f} ms, {runs} runs", file=sys.stderr)


if __name__ == "__main__":
    main()
