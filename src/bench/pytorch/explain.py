"""PyTorch's side of KernelLab's bench-explain (src/bench/compare-explain.sh runs both): the same explanations and
attacks on the same net, the shipped course CNN exported by `export-pytorch`, one embedded test picture at a time, on
2 threads: a gradient map, a Grad-CAM map, a full occlusion map (patch 4, stride 1: 625 pictures in one batch), FGSM
and 10-step PGD at ε 0.1, and a prediction. Prints one JSON line per method with p50 and p90 in milliseconds, in
bench-explain's form. Asserts nothing.

    /usr/bin/python3 src/bench/pytorch/explain.py EXPORT_DIR [repeat]
"""
import gzip
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "assets", "fashion-mnist")
torch.set_num_threads(2)


def pictures():
    with gzip.open(os.path.join(DATA, "t10k-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    with gzip.open(os.path.join(DATA, "t10k-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    sys.path.insert(0, sys.argv[1])
    import model as exported  # the export's model.py
    net = exported.load()
    net.eval()
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    x_all, y_all = pictures()
    layers = list(net.children())
    last_relu = max(i for i, m in enumerate(layers) if isinstance(m, torch.nn.ReLU) and
                    any(isinstance(p, torch.nn.Conv2d) for p in layers[:i]) and
                    not any(isinstance(p, torch.nn.Linear) for p in layers[:i]))

    def gradient(x, y):
        x = x.clone().requires_grad_(True)
        z = net(x)
        z[0, z.argmax()].backward()
        return x.grad.abs().amax(1)

    head, tail = torch.nn.Sequential(*layers[:last_relu + 1]), torch.nn.Sequential(*layers[last_relu + 1:])

    def gradcam(x, y):
        a = head(x).detach().requires_grad_(True)
        z = tail(a)
        z[0, z.argmax()].backward()
        cam = F.relu((a.grad.mean((2, 3), keepdim=True) * a).sum(1, keepdim=True))
        return F.interpolate(cam, size=(28, 28), mode="bilinear", align_corners=False)

    patches = torch.zeros(625, 1, 28, 28)  # each occluded picture's patch, built once as a mask
    for i in range(625):
        r, q = divmod(i, 25)
        patches[i, :, r:r + 4, q:q + 4] = 1
    cover = patches.sum(0)[0]

    def occlusion(x, y):
        with torch.no_grad():
            p0 = F.softmax(net(x), 1)
            c = int(p0.argmax())
            batch = x * (1 - patches) + 0.5 * patches
            drop = p0[0, c] - F.softmax(net(batch), 1)[:, c]
            return (drop[:, None, None] * patches[:, 0]).sum(0) / cover

    def fgsm(x, y, steps=1, eps=0.1):
        a, step = x.clone(), (eps if steps == 1 else 2.5 * eps / steps)
        for _ in range(steps):
            a.requires_grad_(True)
            F.cross_entropy(net(a), y).backward()
            a = torch.min(torch.max(a.detach() + step * a.grad.sign(), x - eps), x + eps).clamp(0, 1)
        with torch.no_grad():
            return net(a)

    def prediction(x, y):
        with torch.no_grad():
            return F.softmax(net(x), 1)

    work = {"gradient": gradient, "gradcam": gradcam, "occlusion": occlusion, "fgsm": fgsm,
            "pgd10": lambda x, y: fgsm(x, y, 10), "prediction": prediction}
    for name, fn in work.items():
        for i in range(5):
            fn(x_all[i:i + 1], y_all[i:i + 1])
        ms = []
        for i in range(repeat):
            k = i % len(x_all)
            t0 = time.perf_counter()
            fn(x_all[k:k + 1], y_all[k:k + 1])
            ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        print(json.dumps({"bench": "explain-pytorch", "method": name, "runs": repeat,
                          "p50_ms": round(ms[len(ms) // 2], 3), "p90_ms": round(ms[int(0.9 * len(ms)) - 1], 3)}))


if __name__ == "__main__":
    main()
