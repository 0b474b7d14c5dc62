#!/usr/bin/env bash
# KernelLab's explanations and attacks against PyTorch's on the same net and pictures: exports the shipped course CNN
# with export-pytorch, then runs bench-explain and src/bench/pytorch/explain.py alternately, [rounds] times, and prints
# per method KernelLab's median p50 against PyTorch's best p50 and the ratio (above 1: KernelLab is faster). Needs
# target/kernellab.jar and target/kernellab-bench.jar (./mvnw package) and Debian's python3-torch. OPENBLAS_CORETYPE
# and OPENBLAS_L2_SIZE, which slow PyTorch's matrix products, are unset for both sides.
#     src/bench/compare-explain.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
rounds=${1:-3}
python=${KERNELLAB_PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
java -jar target/kernellab.jar export-pytorch --model assets/models/course-cnn.model --out "$out/cnn" >/dev/null
for r in $(seq "$rounds"); do
  java -jar target/kernellab-bench.jar bench-explain --repeat 200 >>"$out/kernellab"
  "$python" src/bench/pytorch/explain.py "$out/cnn" 200 >>"$out/pytorch"
  echo "round $r done"
done
"$python" - "$out" <<'PY'
import json, statistics, sys
def load(name):
    runs = {}
    for line in open(sys.argv[1] + "/" + name):
        d = json.loads(line)
        runs.setdefault(d["method"], []).append(d["p50_ms"])
    return runs
k, p = load("kernellab"), load("pytorch")
for m in k:
    ours, theirs = statistics.median(k[m]), min(p[m])
    print(json.dumps({"method": m, "kernellab_p50_ms": ours, "pytorch_best_p50_ms": theirs,
                      "ratio": round(theirs / ours, 2)}))
PY
