#!/usr/bin/env bash
# KernelLab against PyTorch on the same work, run alternately so that the machine's swings fall on both: the course's
# MLP and CNN on the embedded Fashion-MNIST subset, Conv3DNet on 24³ voxels and the CNN's colour variant on CIFAR-10's
# binary batches (10,000 seeded random pictures written for the run: speed does not depend on what they show), 2
# threads each, 3 epochs. Prints each
# run's steady speed (the median of the epochs after the first), then per net KernelLab's median against PyTorch's best
# and the ratio. Needs target/kernellab.jar (./mvnw package) and Debian's python3-torch. OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE, which some machines set for old OpenBLAS builds and which slow PyTorch's matrix products, are unset
# for both sides.
#     src/bench/compare-pytorch.sh [rounds] [mlp|cnn|conv3dnet|cifar …]  (all four when none is named)
set -euo pipefail
cd "$(dirname "$0")/../.."
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
rounds=${1:-3}
shift $(( $# > 0 ? 1 : 0 ))
nets=${*:-mlp cnn conv3dnet cifar}
python=${KERNELLAB_PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
declare -A kernellab=(
  [mlp]="train --model mlp --epochs 3 --batch 256 --lr 0.1 --optimizer sgd --threads 2"
  [cnn]="train --model cnn --epochs 3 --batch 256 --lr 0.001 --optimizer adam --threads 2"
  [conv3dnet]="train3d --classes 10 --epochs 3 --batch 32 --lr 0.001 --threads 2"
  [cifar]="train --model cnn --data $out/cifar --epochs 3 --batch 256 --lr 0.001 --optimizer adam --threads 2"
)
for net in $nets; do
  [[ -v "kernellab[$net]" ]] || { echo "unknown net: $net (mlp, cnn, conv3dnet or cifar)" >&2; exit 2; }
done
# CIFAR-10's layout: five training batches and a test batch of records, a label byte then 3×32×32 pixel bytes
[[ " $nets " == *" cifar "* ]] && "$python" - "$out/cifar" <<'PY'
import os, random, sys
random.seed(1)
os.makedirs(sys.argv[1])
for name, n in [(f"data_batch_{i}.bin", 2000) for i in range(1, 6)] + [("test_batch.bin", 2000)]:
    with open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(b"".join(bytes([random.randrange(10)]) + random.randbytes(3072) for _ in range(n)))
PY
steady() { # the median of the epochs after the first, from JSON lines with one speed key
  "$python" -c '
import json, statistics, sys
v = []
for line in sys.stdin:
    d = json.loads(line)
    if "epoch" in d and d["epoch"] > 1: v.append(d.get("images_per_second", d.get("samples_per_second")))
    if "samples_per_second" in d and isinstance(d["samples_per_second"], list): v += d["samples_per_second"][1:]
    if d.get("final"): print("rss", d["peak_rss_mb"], file=sys.stderr)
print(round(statistics.median(v)))'
}
for r in $(seq "$rounds"); do
  for net in $nets; do
    java -jar target/kernellab.jar ${kernellab[$net]} 2>>"$out/log-$net" | steady >>"$out/kernellab-$net" 2>>"$out/rss-$net"
    "$python" src/bench/pytorch/speed.py "$net" 3 "$out/cifar" | steady >>"$out/pytorch-$net"
    echo "round $r $net: KernelLab $(tail -1 "$out/kernellab-$net"), PyTorch $(tail -1 "$out/pytorch-$net") samples/s"
  done
done
for net in $nets; do
  "$python" - "$net" "$out" <<'PY'
import statistics, sys
net, out = sys.argv[1], sys.argv[2]
k = [float(v) for v in open(f"{out}/kernellab-{net}")]
p = [float(v) for v in open(f"{out}/pytorch-{net}")]
rss = max(int(l.split()[1]) for l in open(f"{out}/rss-{net}") if l.startswith("rss"))
print(f"{net}: KernelLab median {statistics.median(k):,.0f} ({min(k):,.0f}–{max(k):,.0f}), PyTorch best {max(p):,.0f} "
      f"({min(p):,.0f}–{max(p):,.0f}) samples/s: {statistics.median(k) / max(p):.2f}x; KernelLab peak RSS {rss} MB")
PY
done
