"""Checks that PyTorch computes what KernelLab computed: runs the exported net on the samples stored with it
(samples.pt: inputs, KernelLab's logits and the labels) and compares the logits.
Prints one JSON line; exits with status 1 when a logit differs by more than 1e-4."""
import json
import sys
from pathlib import Path

import torch

from model import load

HERE = Path(__file__).resolve().parent
TOLERANCE = 1e-4


def main():
    samples = torch.load(HERE / "samples.pt", map_location="cpu", weights_only=True)
    net = load()
    with torch.no_grad():
        logits = net(samples["inputs"])
    diff = float((logits - samples["logits"]).abs().max())
    agree = int((logits.argmax(1) == samples["logits"].argmax(1)).sum())
    ok = diff <= TOLERANCE
    print(json.dumps({"ok": ok, "samples": len(logits), "max_abs_diff": diff, "same_prediction": agree,
                      "torch": torch.__version__}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
