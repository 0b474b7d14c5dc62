"""PyTorch's side of KernelLab's speed comparison (src/bench/compare-pytorch.sh runs both): the course's MLP and CNN on
the embedded Fashion-MNIST subset, and the course's Conv3DNet on 24³ voxel grids, built as KernelLab builds them
(the same layers, shapes, optimizer, learning rate and batch), on 2 threads, and the CNN's colour variant on CIFAR-10's
binary batches in a folder. Prints one JSON line: the samples per second of each epoch. Asserts nothing.

    /usr/bin/python3 src/bench/pytorch/speed.py mlp|cnn|conv3dnet [epochs]
    /usr/bin/python3 src/bench/pytorch/speed.py cifar EPOCHS FOLDER
"""
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "assets", "fashion-mnist")
torch.set_num_threads(2)
torch.manual_seed(42)


def fashion():
    with gzip.open(os.path.join(DATA, "train-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    with gzip.open(os.path.join(DATA, "train-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def cifar():
    """The training batches as KernelLab reads them: channels first, 0 to 1."""
    if len(sys.argv) < 4:
        sys.exit("cifar needs the folder of CIFAR-10's binary batches: speed.py cifar EPOCHS FOLDER")
    folder = sys.argv[3]
    raw = b"".join(open(os.path.join(folder, f"data_batch_{i}.bin"), "rb").read() for i in range(1, 6))
    r = np.frombuffer(raw, np.uint8).reshape(-1, 3073)
    x = r[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255
    return torch.from_numpy(x), torch.from_numpy(r[:, 0].astype(np.int64))


def voxels(n=1200, classes=10):
    """Grids as sparse as the built-in objects' (about 8% occupied), 0 or 1 as KernelLab's first block reads them."""
    return (torch.rand(n, 1, 24, 24, 24) < 0.08).float(), torch.randint(0, classes, (n,))


NETS = {
    # KernelLab's CourseNets: the MLP 784-64-128-10, the CNN of two 3×3 conv blocks of 32, Conv3DNet of 16, 32, 64
    "mlp": (lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 128), nn.ReLU(),
                                  nn.Linear(128, 10)), fashion, "sgd", 0.1, 256),
    "cnn": (lambda: nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 32, 3), nn.ReLU(),
                                  nn.MaxPool2d(2), nn.Flatten(), nn.Linear(800, 128), nn.ReLU(), nn.Linear(128, 10)),
            fashion, "adam", 1e-3, 256),
    "cifar": (lambda: nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 32, 3), nn.ReLU(),
                                    nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1152, 128), nn.ReLU(), nn.Linear(128, 10)),
              cifar, "adam", 1e-3, 256),
    "conv3dnet": (lambda: nn.Sequential(nn.Conv3d(1, 16, 3), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(16, 32, 3), nn.ReLU(),
                                        nn.MaxPool3d(2), nn.Conv3d(32, 64, 3), nn.ReLU(), nn.MaxPool3d(2), nn.Flatten(),
                                        nn.Linear(64, 512), nn.ReLU(), nn.Dropout(0.5), nn.Linear(512, 10)),
                  voxels, "adam", 1e-3, 32),
}


def main():
    name = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    make, data, opt_kind, lr, batch = NETS[name]
    x, y = data()
    net = make()
    opt = torch.optim.Adam(net.parameters(), lr=lr) if opt_kind == "adam" else torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    speeds = []
    for _ in range(epochs):
        order = torch.randperm(len(x))
        t0 = time.perf_counter()
        net.train()
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
        speeds.append(round(len(x) / (time.perf_counter() - t0), 1))
    print(json.dumps({"net": name, "samples": len(x), "batch": batch, "samples_per_second": speeds,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
