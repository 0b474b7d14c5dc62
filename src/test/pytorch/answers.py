"""PyTorch's answers that tests compare with when no Python is at hand (a developer's Windows laptop): written to
src/test/resources/org/kernellab/pytorch-answers.json by this script, never by hand, and checked against PyTorch in
every run that has it (AnswersPyTorchTest asks the worker for them and compares with the committed file).

    /usr/bin/python3 src/test/pytorch/answers.py           write the file anew
    /usr/bin/python3 src/test/pytorch/answers.py --check   exit 1 listing each answer that differs from the file
"""
import json
import os
import re
import sys

import numpy as np
import torch
import torchvision
import torchvision.transforms.functional as TF

HERE = os.path.dirname(os.path.abspath(__file__))
FILE = os.path.join(HERE, "..", "resources", "org", "kernellab", "pytorch-answers.json")
TOLERANCE = 1e-12


def ramp():
    """The (3, 6, 8) picture the augmentation tests use: value i / 144 at flat index i."""
    return (torch.arange(144, dtype=torch.float64) / 144).reshape(3, 6, 8)


def flat(t):
    return [float(v) for v in t.reshape(-1).tolist()]


def compute():
    x = ramp()
    np.random.seed(1)
    seed1 = np.random.randn(6).tolist()
    np.random.seed(0)
    seed0 = np.random.randn(1).tolist()
    np.random.seed(1)  # course material 003's convolution cell, in the notebook's order of draws
    a = np.random.randn(10, 4, 7, 7)
    w = np.random.randn(8, 4, 3, 3)
    b = np.random.randn(8)
    z = torch.nn.functional.conv2d(torch.tensor(a), torch.tensor(w), torch.tensor(b), 2, 1)
    return {
        "versions": {"torch": torch.__version__, "torchvision": torchvision.__version__, "numpy": np.__version__},
        "augment": {
            "rotate 10": flat(TF.rotate(x, 10.0)),
            "resized_crop 1 2 4 5 to 6x8": flat(TF.resized_crop(x, 1, 2, 4, 5, [6, 8], antialias=False)),
            "hue 0.1": flat(TF.adjust_hue(x, 0.1)),
            "contrast 0.7": flat(TF.adjust_contrast(x, 0.7)),
            "saturation 1.2": flat(TF.adjust_saturation(x, 1.2)),
        },
        "numpy randn": {"seed 1": seed1, "seed 0": seed0},
        "notebook conv z[1,1,1,1]": float(z[1, 1, 1, 1]),
    }


def differences(want, got, path=""):
    """Where two answers differ beyond TOLERANCE (versions aside), as readable lines."""
    if isinstance(want, dict):
        keys = set(want) | set(got if isinstance(got, dict) else {})
        return [d for k in sorted(keys) if k not in ("versions", "generated_by")
                for d in differences(want.get(k), (got or {}).get(k), path + "/" + k)]
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return ["%s: %s values, the file has %s" % (path, len(want), len(got) if isinstance(got, list) else got)]
        return [d for i, (u, v) in enumerate(zip(want, got)) for d in differences(u, v, "%s[%d]" % (path, i))]
    if not isinstance(got, (int, float)) or abs(want - got) > TOLERANCE * max(1.0, abs(want)):
        return ["%s: PyTorch says %r, the file has %r" % (path, want, got)]
    return []


def main():
    answers = compute()
    if "--check" in sys.argv:
        with open(FILE) as f:
            found = differences(answers, json.load(f))
        for line in found:
            print(line)
        print("%d differences from %s" % (len(found), os.path.relpath(FILE)))
        sys.exit(1 if found else 0)
    with open(FILE, "w") as f:
        text = json.dumps({"generated_by": "src/test/pytorch/answers.py", **answers}, indent=1)
        f.write(re.sub(r"\[[^\[\]{}]*\]", lambda m: " ".join(m.group(0).split()), text) + "\n")  # a list a line
    print("wrote " + os.path.relpath(FILE))


if __name__ == "__main__":
    main()
