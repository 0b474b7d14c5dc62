"""Trains the exported net on Fashion-MNIST with the settings KernelLab used (model.TRAINING), printing one JSON line per
epoch as KernelLab's `train` command does. Needs only torch and numpy (torchvision only to download the data).

    python train.py --data DIR                      # one process, on the GPU when there is one
    torchrun --nproc_per_node 2 train.py --data DIR # several processes on this machine (DistributedDataParallel)
    torchrun --nnodes 2 --nproc_per_node 4 --rdzv_backend c10d --rdzv_endpoint HOST:29500 train.py --data DIR

--batch is the global batch, split over the processes. --augment flips, turns and crops each training picture afresh
(torchvision's transforms, as the lab does; on by default when the lab trained the net so, off with --no-augment). Only the first process evaluates, prints and saves; the saved
weights carry no "module." prefix, so KernelLab opens them as they are (net.json beside them tells it the net).
"""
import argparse
import gzip
import json
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from model import INPUT, TRAINING, Net, load

HERE = Path(__file__).resolve().parent
NAMES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
         "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}


def idx(folder, name):
    """An IDX file of the folder, gzipped or not, with '-' or '.' before 'idx' as the two spellings go."""
    for stem in (name, name.replace("-idx", ".idx")):
        for path in (folder / stem, folder / (stem + ".gz")):
            if path.exists():
                raw = (gzip.open if path.suffix == ".gz" else open)(path, "rb").read()
                dims = raw[3]
                shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
                return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise SystemExit(json.dumps({"error": "%s: no %s (or .gz) in it" % (folder, name)}))


def dataset(folder, part):
    """The samples as ToTensor() gives them (pixels in [0, 1]) or the voxel grids, with their labels."""
    if len(INPUT) == 4:  # a net of volumes: the voxel grids KernelLab exported beside this file
        v = torch.load(Path(folder) if folder else HERE / "voxels.pt", map_location="cpu", weights_only=True)
        return TensorDataset(v[part + "_grids"].float().reshape(-1, *INPUT), v[part + "_labels"].long())
    if folder:
        images, labels = (idx(Path(folder), n) for n in NAMES[part])
        x = torch.tensor(images, dtype=torch.float32).reshape(-1, *INPUT) / 255
        y = torch.tensor(labels, dtype=torch.long)
    else:  # torchvision's copy, downloaded once into ./data
        from torchvision import datasets
        d = datasets.FashionMNIST(HERE / "data", train=part == "train", download=True)
        x = d.data.float().reshape(-1, *INPUT) / 255
        y = d.targets
    return TensorDataset(x, y)


class Augmented(torch.utils.data.Dataset):
    """Each training picture flipped, turned and cropped afresh every time it is drawn, as KernelLab's lab does it
    (torchvision's RandomHorizontalFlip, RandomRotation with black corners, RandomResizedCrop to the picture's size)."""

    def __init__(self, data, settings):
        from torchvision import transforms as T
        self.data = data
        self.transform = T.Compose([T.RandomHorizontalFlip(settings["flip"]), T.RandomRotation(settings["degrees"]),
                                    T.RandomResizedCrop(INPUT[1:], scale=settings["scale"])])

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        x, y = self.data[i]
        return self.transform(x), y


def evaluate(net, data, device, prep):
    net.eval()
    right, loss = 0, 0.0
    with torch.no_grad():
        for x, y in DataLoader(data, batch_size=1000):
            scores = net(prep(x.to(device)))
            loss += float(F.cross_entropy(scores, y.to(device), reduction="sum"))
            right += int((scores.argmax(1).cpu() == y).sum())
    return right / len(data), loss / len(data)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", help="a Fashion-MNIST IDX folder (else torchvision downloads it); for a net of volumes,"
                                  " another voxels.pt")
    p.add_argument("--epochs", type=int, default=TRAINING["epochs"])
    p.add_argument("--batch", type=int, default=TRAINING["batch"], help="the global batch, split over the processes")
    p.add_argument("--lr", type=float, default=TRAINING["lr"])
    p.add_argument("--limit-train", type=int, default=0, help="train on the first N images only")
    p.add_argument("--init", choices=["fresh", "exported"], default="fresh", help="fresh weights, or the exported ones")
    p.add_argument("--seed", type=int, default=TRAINING["seed"])
    p.add_argument("--normalize", action=argparse.BooleanOptionalAction, default=TRAINING["normalize"],
                   help="inputs as Normalize((0.5,), (0.5,)) gives them (on when the net was opened so in KernelLab)")
    p.add_argument("--augment", action=argparse.BooleanOptionalAction, default=TRAINING["augment"] is not None,
                   help="flip, turn and crop each training picture afresh (on when KernelLab trained it so)")
    p.add_argument("--save", help="where to write the trained weights (a state dict)")
    a = p.parse_args()
    if a.augment and len(INPUT) == 4:
        p.error("--augment: the flips, turns and crops are for pictures, not for voxel grids")
    augment = TRAINING["augment"] or {"flip": 0.5, "degrees": 10.0, "scale": (0.8, 1.0)}  # the course's

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    cuda = torch.cuda.is_available()
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    local = int(os.environ.get("LOCAL_RANK", "0"))
    device = torch.device("cuda", local) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    torch.manual_seed(a.seed)

    net = (load() if a.init == "exported" else Net()).to(device)
    model = DistributedDataParallel(net, device_ids=[local] if cuda else None) if distributed else net
    train = dataset(a.data, "train")
    if a.limit_train:
        train = torch.utils.data.Subset(train, range(min(a.limit_train, len(train))))
    if a.augment:
        train = Augmented(train, augment)
    test = dataset(a.data, "test") if rank == 0 else None
    prep = (lambda x: (x - 0.5) / 0.5) if a.normalize else (lambda x: x)  # after augmenting, as KernelLab does
    sampler = DistributedSampler(train, num_replicas=world, rank=rank, shuffle=True, seed=a.seed) if distributed else None
    loader = DataLoader(train, batch_size=max(1, a.batch // world), shuffle=sampler is None, sampler=sampler)
    params = model.parameters()
    opt = torch.optim.Adam(params, lr=a.lr) if TRAINING["optimizer"] == "adam" else torch.optim.SGD(params, lr=a.lr)

    total, last = 0.0, None
    for epoch in range(1, a.epochs + 1):
        if sampler is not None:
            sampler.set_epoch(epoch)  # a different shuffle each epoch, the same on every process
        model.train()
        start, seen, right = time.time(), 0, 0
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            scores = model(prep(x))
            F.cross_entropy(scores, y).backward()
            opt.step()
            seen += len(y)
            right += int((scores.argmax(1) == y).sum())
        counts = torch.tensor([seen, right], dtype=torch.float64, device=device)
        if distributed:
            dist.all_reduce(counts)
        seconds = time.time() - start
        total += seconds
        if rank == 0:
            accuracy, loss = evaluate(net, test, device, prep)
            last = {"epoch": epoch, "train_seconds": round(seconds, 3),
                    "images_per_second": round(float(counts[0]) / seconds, 1), "test_accuracy": round(accuracy, 4),
                    "test_loss": round(loss, 4), "train_accuracy": round(float(counts[1] / counts[0]), 4)}
            print(json.dumps(last), flush=True)
        if distributed:
            dist.barrier()
    if rank == 0:
        if a.save:
            torch.save(net.state_dict(), a.save)  # net, not the DDP wrapper: no "module." prefix
            (Path(a.save).resolve().parent / "net.json").write_text((HERE / "net.json").read_text())
        print(json.dumps({"final": True, "test_accuracy": last["test_accuracy"] if last else None,
                          "train_seconds": round(total, 3), "processes": world, "device": str(device),
                          "augment": a.augment, "saved": a.save}), flush=True)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
