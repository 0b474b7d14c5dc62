"""Nets saved by real PyTorch, as students save them, for the tests that open PyTorch's files without a Python at hand:
written to src/test/resources/org/kernellab/model/pytorch/ by this script, never by hand. fixtures.json lists every
file with the net's parameter count and PyTorch's logits (evaluation mode) on the inputs it names: the first embedded
Fashion-MNIST test pictures (ToTensor's [0, 1]) and occupancy grids stored as their filled cells. NetFixturesTest
opens each file and compares; NetFixturesPyTorchTest checks the committed logits against the PyTorch of the run.

    /usr/bin/python3 src/test/pytorch/fixtures.py
"""
import gzip
import json
import os
import sys
from collections import OrderedDict

import numpy as np
import onnx
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel

from worker import Conv3DNet, ConvNet, NeuralNetwork, versions, write_safetensors

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
OUT = os.path.join(HERE, "..", "resources", "org", "kernellab", "model", "pytorch")
PICTURES = 8


def pictures():
    """The first embedded test pictures, read from the app's own IDX file."""
    with gzip.open(os.path.join(ROOT, "assets", "fashion-mnist", "t10k-images-idx3-ubyte.gz")) as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)[:PICTURES * 784]
    return torch.tensor(raw, dtype=torch.float32).reshape(PICTURES, 1, 28, 28) / 255


def grids(size):
    """A ball, a box, a rod and a seeded scatter in a grid of size³: shapes a voxel net answers differently."""
    z, y, x = np.meshgrid(*[np.arange(size)] * 3, indexing="ij")
    c = (size - 1) / 2
    ball = (x - c) ** 2 + (y - c) ** 2 + (z - c) ** 2 <= (size / 3) ** 2
    box = (abs(x - c) < size / 4) & (abs(y - c) < size / 6) & (abs(z - c) < size / 3)
    rod = (abs(x - c) < 2) & (abs(y - c) < 2)
    scatter = np.random.default_rng(size).random((size,) * 3) < 0.1
    return np.stack([ball, box, rod, scatter]).astype(np.float32)


def ddp_state(model):
    """The state dict of the model wrapped in DistributedDataParallel, as a torchrun script saves it by mistake."""
    os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
    os.environ.setdefault("MASTER_PORT", "29517")
    dist.init_process_group("gloo", rank=0, world_size=1)
    state = DistributedDataParallel(model).state_dict()
    dist.destroy_process_group()
    return state


def bn_stride2():
    """A net with a stride-2 convolution and BatchNorm (statistics away from their defaults), as an nn.Sequential."""
    model = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(8 * 7 * 7, 10))
    model[1].running_mean.uniform_(-0.2, 0.2)
    model[1].running_var.uniform_(0.5, 1.5)
    model[1].weight.data.uniform_(0.5, 1.5)
    return model


def main():
    os.makedirs(OUT, exist_ok=True)
    x2, inputs = pictures(), {}
    files = []

    def entry(name, model, inputs_name, x, note, kind=None):
        model.eval()
        with torch.no_grad():
            logits = model(x)
        files.append({"file": name, "note": note, "input": inputs_name, "net": kind,
                      "parameters": sum(p.numel() for p in model.parameters()),
                      "logits": [[float(v) for v in row] for row in logits.tolist()]})

    def state_files(stem, model, inputs_name, x, note, kind):
        torch.save(model.state_dict(), os.path.join(OUT, stem + ".pt"))
        write_safetensors(model.state_dict(), os.path.join(OUT, stem + ".safetensors"))
        for ext in (".pt", ".safetensors"):
            entry(stem + ext, model, inputs_name, x, note, kind)

    torch.manual_seed(1)
    state_files("mlp", NeuralNetwork(), "pictures", x2, "course material 001's NeuralNetwork", {"kind": "mlp"})
    torch.manual_seed(2)
    cnn = ConvNet()
    state_files("cnn", cnn, "pictures", x2, "course material 001's ConvNet", {"kind": "cnn"})
    torch.manual_seed(3)
    net = Conv3DNet(10)
    state_files("conv3d", net, "grids24", torch.tensor(grids(24)).unsqueeze(1), "course material 000's Conv3DNet",
                {"kind": "conv3d"})
    torch.manual_seed(4)
    net = Conv3DNet(10, modified=True, filters=(8, 16, 32), hidden=64)
    state_files("modified3d", net, "grids24", torch.tensor(grids(24)).unsqueeze(1),
                "ModifiedConv3DNet's layout with a quarter of its filters and 64 hidden units (the notebook's is 17 MB)",
                {"kind": "modified3d", "filters": [8, 16, 32], "hidden": 64})
    torch.manual_seed(5)
    mlp = NeuralNetwork()
    torch.save(ddp_state(mlp), os.path.join(OUT, "mlp-ddp.pt"))
    entry("mlp-ddp.pt", mlp, "pictures", x2, "NeuralNetwork saved from DistributedDataParallel (keys 'module.…')",
          {"kind": "mlp"})

    torch.onnx.export(cnn.eval(), x2[:1], os.path.join(OUT, "cnn.onnx"), opset_version=13, input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    entry("cnn.onnx", cnn, "pictures", x2, "the ConvNet above by torch.onnx.export, opset 13")
    torch.manual_seed(6)
    bn = bn_stride2().eval()
    torch.onnx.export(bn, x2[:1], os.path.join(OUT, "bn-stride2.onnx"), opset_version=17, input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    onnx.checker.check_model(onnx.load(os.path.join(OUT, "bn-stride2.onnx")), full_check=True)
    entry("bn-stride2.onnx", bn, "pictures", x2, "stride-2 Conv2d, BatchNorm2d, ReLU, MaxPool2d, Linear; opset 17")

    inputs["pictures"] = list(range(PICTURES))
    inputs["grids24"] = [np.flatnonzero(g).tolist() for g in grids(24)]
    doc = OrderedDict([("generated_by", "src/test/pytorch/fixtures.py"), ("versions", versions(None)),
                       ("inputs", inputs), ("files", files)])
    with open(os.path.join(OUT, "fixtures.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote %d files to %s" % (len(files), os.path.normpath(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
