"""PyTorch as the reference for KernelLab's tests: one JSON request per line on stdin, one JSON answer per line on
stdout. Started once per test JVM by org.kernellab.TorchReference; it computes, it never decides: the Java tests compare.

A tensor travels as {"shape": [...], "dtype": "float32"|"float64", "b64": base64 of its little-endian values} (row-major);
small ones may come as {"shape", "data": [...]}. Every request is {"op": NAME, ...}; the answer is
{"ok": RESULT} or {"error": TEXT}. The first line written is {"ready": {versions}}.

Run by hand: printf '{"op":"versions"}\\n' | /usr/bin/python3 src/test/pytorch/worker.py
"""
import base64
import json
import math
import sys
import traceback
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms.functional as TF

torch.set_num_threads(1)  # the Java tests run beside it on a 2-core machine
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def tensor(t, dtype=torch.float64):
    if "b64" in t:
        raw = np.frombuffer(base64.b64decode(t["b64"]), dtype="<f4" if t.get("dtype") == "float32" else "<f8")
        return torch.tensor(raw.copy(), dtype=dtype).reshape(t["shape"])
    return torch.tensor(t["data"], dtype=dtype).reshape(t["shape"])


def out(t):
    t = t.detach()
    values = t.reshape(-1).numpy().astype("<f8" if t.dtype == torch.float64 else "<f4")
    return {"shape": list(t.shape), "dtype": "float64" if t.dtype == torch.float64 else "float32",
            "b64": base64.b64encode(values.tobytes()).decode("ascii")}


def versions(_):
    return {"torch": torch.__version__, "torchvision": torchvision.__version__, "numpy": np.__version__}


def conv(r):
    """Convolution (2D or 3D) forward, and backward for the given output gradient."""
    dtype = DTYPES[r.get("dtype", "float64")]
    x = tensor(r["x"], dtype).requires_grad_()
    w = tensor(r["w"], dtype).requires_grad_()
    b = tensor(r["b"], dtype).requires_grad_() if r.get("b") else None
    f = F.conv2d if x.dim() == 4 else F.conv3d
    try:
        y = f(x, w, b, stride=r["stride"], padding=r["padding"], dilation=r["dilation"])
    except RuntimeError as e:  # settings with no output: the Java side must refuse them too
        return {"refused": str(e)}
    result = {"y": out(y)}
    if r.get("grad"):
        y.backward(tensor(r["grad"], dtype))
        result.update(dx=out(x.grad), dw=out(w.grad))
        if b is not None:
            result["db"] = out(b.grad)
    return result


def conv_transpose(r):
    x, w = tensor(r["x"]), tensor(r["w"])
    b = tensor(r["b"]) if r.get("b") else None
    try:
        return {"y": out(F.conv_transpose2d(x, w, b, stride=r["stride"], padding=r["padding"], dilation=r["dilation"]))}
    except RuntimeError as e:
        return {"refused": str(e)}


def pool(r):
    """Max or average pooling (2D or 3D, PyTorch's count_include_pad default), forward and backward."""
    dtype = DTYPES[r.get("dtype", "float64")]
    x = tensor(r["x"], dtype).requires_grad_()
    two = x.dim() == 4
    if r["mode"] == "max":
        f = F.max_pool2d if two else F.max_pool3d
    else:
        f = F.avg_pool2d if two else F.avg_pool3d
    try:
        y = f(x, r["kernel"], r["stride"], r["padding"], ceil_mode=r["ceil"])
    except RuntimeError as e:
        return {"refused": str(e)}
    result = {"y": out(y)}
    if r.get("grad"):
        y.backward(tensor(r["grad"], dtype))
        result["dx"] = out(x.grad)
    return result


def optimizer(r):
    """Parameters after each of the given gradients is applied by torch.optim's Adam or SGD (float32)."""
    p = nn.Parameter(torch.tensor(r["params"], dtype=torch.float32))
    if r["kind"] == "adam":
        opt = torch.optim.Adam([p], lr=r["lr"], betas=tuple(r.get("betas", (0.9, 0.999))), eps=r.get("eps", 1e-8))
    else:
        opt = torch.optim.SGD([p], lr=r["lr"])
    after = []
    for g in r["grads"]:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        after.append(p.detach().tolist())
    return {"after": after}


def dropout(r):
    """nn.Dropout(p) in training mode on n ones: the values it keeps and the share it zeroes."""
    torch.manual_seed(r.get("seed", 0))
    y = nn.Dropout(r["p"]).train()(torch.ones(r["n"]))
    kept = y[y != 0]
    return {"kept_values": sorted(set(kept.tolist())), "zeroed_share": float((y == 0).float().mean()),
            "eval_changes": bool((nn.Dropout(r["p"]).eval()(torch.ones(r["n"])) != 1).any())}


def augment(r):
    """torchvision 0.14's functional transforms on a (C, H, W) picture in [0, 1], one answer per transform."""
    x = tensor(r["x"], torch.float32)
    answers = []
    for t in r["transforms"]:
        name = t["name"]
        if name == "rotate":
            y = TF.rotate(x, t["degrees"])
        elif name == "resized_crop":
            y = TF.resized_crop(x, t["top"], t["left"], t["height"], t["width"], [t["out_height"], t["out_width"]],
                                antialias=False)
        elif name == "hflip":
            y = TF.hflip(x)
        elif name == "brightness":
            y = TF.adjust_brightness(x, t["factor"])
        elif name == "contrast":
            y = TF.adjust_contrast(x, t["factor"])
        elif name == "saturation":
            y = TF.adjust_saturation(x, t["factor"])
        elif name == "hue":
            y = TF.adjust_hue(x, t["factor"])
        else:
            raise ValueError("unknown transform " + name)
        answers.append(out(y))
    return {"images": answers}


def count_macs(model, x):
    """Each layer's output shape and multiply-accumulates, counted from hooks as torchinfo counts them (no bias adds)."""
    rows = []

    def hook(m, inp, o):
        if isinstance(m, (nn.Conv2d, nn.Conv3d)):
            macs = o.numel() * (m.in_channels // m.groups) * math.prod(m.kernel_size)
        elif isinstance(m, nn.Linear):
            macs = inp[0].numel() // inp[0].shape[-1] * m.in_features * m.out_features
        else:
            macs = 0
        rows.append({"module": type(m).__name__, "shape": list(o.shape), "macs": macs,
                     "parameters": sum(p.numel() for p in m.parameters(recurse=False))})

    leaves = [m for m in model.modules() if len(list(m.children())) == 0]
    handles = [m.register_forward_hook(hook) for m in leaves]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return rows


def famous(r):
    """torchvision's AlexNet or VGG16 (untrained: nothing is downloaded): parameters and each layer's MACs."""
    model = {"alexnet": torchvision.models.alexnet, "vgg16": torchvision.models.vgg16}[r["model"]]()
    x = torch.zeros(r.get("input", [1, 3, 224, 224]))
    return {"parameters": sum(p.numel() for p in model.parameters()), "layers": count_macs(model.eval(), x)}


def numpy_randn(r):
    np.random.seed(r["seed"])
    return {"values": np.random.randn(r["n"]).tolist()}


def notebook_conv(r):
    """Course material 003's convolution and pooling cells, with np.random.seed(1) first, as PyTorch computes them."""
    np.random.seed(1)
    if r["cell"] == "conv":
        x = np.random.randn(10, 4, 7, 7)
        w = np.random.randn(8, 4, 3, 3)
        b = np.random.randn(8)
        return {"z": out(F.conv2d(torch.tensor(x), torch.tensor(w), torch.tensor(b), 2, 1))}
    x = torch.tensor(np.random.randn(10, 3, 10, 10))
    return {"z": out((F.max_pool2d if r["cell"] == "max" else F.avg_pool2d)(x, 2, 2))}


def answers(_):
    """What src/test/pytorch/answers.py writes to the committed file, computed now."""
    import answers as committed  # beside this file
    return committed.compute()


def build(net):
    """An nn.Sequential from KernelLab's JSON form of a net: the same torch.nn names and arguments, sizes worked out from the input."""
    shape = [1] + list(net["input"])
    modules = []
    for layer in net["layers"]:
        args = {k: v for k, v in layer.items() if k != "type"}
        kind = layer["type"]
        if kind.startswith("Conv"):
            m = getattr(nn, kind)(shape[1], **args)
        elif kind.startswith("BatchNorm"):
            m = getattr(nn, kind)(shape[1], **args)
        elif kind == "Linear":
            m = nn.Linear(shape[1], **args)
        elif kind == "Softmax":
            m = nn.Softmax(dim=args.get("dim", 1))
        else:
            m = getattr(nn, kind)(**args)
        modules.append(m)
        with torch.no_grad():
            shape = list(m.eval()(torch.zeros(shape)).shape)
    return nn.Sequential(*modules)


def load(model, weights, stats):
    """The parameters in state-dict order (PyTorch's layouts), then BatchNorm's running means and variances."""
    params = list(model.parameters())
    for p, w in zip(params, weights):
        with torch.no_grad():
            p.copy_(tensor(w, torch.float32).reshape(p.shape))
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    for i, m in enumerate(norms):
        m.running_mean.copy_(tensor(stats[2 * i], torch.float32))
        m.running_var.copy_(tensor(stats[2 * i + 1], torch.float32))


def net_step(r):
    """One training step of a net from given weights on a given batch: logits, loss, every gradient, the weights after the
    optimizer's step and BatchNorm's running statistics after it. Dropout layers must have p = 0 (their draws differ)."""
    model = build(r["net"])
    load(model, r["weights"], r.get("stats", []))
    model.train(r.get("train", True))
    x = tensor(r["x"], torch.float32)
    y = torch.tensor(r["y"], dtype=torch.long)
    logits = model(x)
    if isinstance(model[-1], nn.Softmax):  # KernelLab's loss takes a final softmax's input, as nn.CrossEntropyLoss wants logits
        logits = model[:-1](x)
    loss = F.cross_entropy(logits, y)
    opt_kind = r.get("optimizer", "sgd")
    params = list(model.parameters())
    opt = torch.optim.Adam(params, lr=r["lr"]) if opt_kind == "adam" else torch.optim.SGD(params, lr=r["lr"])
    opt.zero_grad()
    loss.backward()
    grads = [out(p.grad) for p in params]
    opt.step()
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    stats = []
    for m in norms:
        stats += [out(m.running_mean), out(m.running_var)]
    return {"logits": out(logits), "loss": float(loss), "grads": grads, "after": [out(p) for p in params], "stats_after": stats}


def net_forward(r):
    """The net in evaluation mode on a batch: the logits (and probabilities when it ends in Softmax)."""
    model = build(r["net"])
    load(model, r["weights"], r.get("stats", []))
    model.eval()
    with torch.no_grad():
        return {"out": out(model(tensor(r["x"], torch.float32)))}


class NeuralNetwork(nn.Module):
    """Course material 001's MLP, as the notebook writes it."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(nn.Linear(28 * 28, 64), nn.ReLU(), nn.Linear(64, 128), nn.ReLU(),
                                               nn.Linear(128, 10))

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


class ConvNet(nn.Module):
    """Course material 001's ConvNet (32 filters, 2 blocks), and a student's variants: filters, blocks, BatchNorm, dropout."""

    def __init__(self, filters=32, blocks=2, batch_norm=False, dropout=0.0):
        super().__init__()
        layers, channels, size = [], 1, 28
        for _ in range(blocks):
            layers.append(nn.Conv2d(in_channels=channels, out_channels=filters, kernel_size=3))
            layers += [nn.BatchNorm2d(filters)] if batch_norm else []
            layers += [nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2)]
            channels, size = filters, (size - 2) // 2
        self.backbone = nn.Sequential(*layers)
        head = [nn.Linear(in_features=channels * size * size, out_features=128), nn.ReLU()]
        head += [nn.Dropout(dropout)] if dropout else []
        self.head = nn.Sequential(*head, nn.Linear(in_features=128, out_features=10))

    def forward(self, x):
        features = self.backbone(x)
        return self.head(features.view(features.size(0), -1))


class Conv3DNet(nn.Module):
    """Course material 000's Conv3DNet (modified=False) and ModifiedConv3DNet, on 24-cell grids; a student's variant
    gives other filter counts (three of them) and another classifier width."""

    def __init__(self, classes, modified=False, filters=None, hidden=512, grid=24):
        super().__init__()
        if modified:
            a, b, c = filters or (32, 64, 128)
            self.features = nn.Sequential(
                nn.Conv3d(1, a, kernel_size=5, stride=1, padding=0), nn.ReLU(), nn.MaxPool3d(2),
                nn.Conv3d(a, b, kernel_size=3, stride=1, padding=0), nn.ReLU(), nn.MaxPool3d(2),
                nn.Conv3d(b, c, kernel_size=3, stride=1, padding=1), nn.ReLU(), nn.MaxPool3d(1))
        else:
            a, b, c = filters or (16, 32, 64)
            self.features = nn.Sequential(
                nn.Conv3d(1, a, kernel_size=3, stride=1, padding=0), nn.ReLU(), nn.MaxPool3d(2),
                nn.Conv3d(a, b, kernel_size=3, stride=1, padding=0), nn.ReLU(), nn.MaxPool3d(2),
                nn.Conv3d(b, c, kernel_size=3, stride=1, padding=0), nn.ReLU(), nn.MaxPool3d(2))
        features = self.features(torch.zeros(1, 1, grid, grid, grid)).numel()
        self.classifier = nn.Sequential(nn.Linear(features, hidden), nn.ReLU(), nn.Dropout(),
                                        nn.Linear(hidden, classes))
        self.Flatten = torch.nn.Flatten()

    def forward(self, x):
        return self.classifier(self.Flatten(self.features(x)))


def notebook(r):
    kind = r["kind"]
    if kind == "mlp":
        return NeuralNetwork()
    if kind == "cnn":
        return ConvNet(r.get("filters", 32), r.get("blocks", 2), r.get("batch_norm", False), r.get("dropout", 0.0))
    if kind in ("conv3d", "modified3d"):
        return Conv3DNet(r.get("classes", 10), kind == "modified3d", r.get("filters"), r.get("hidden", 512))
    return build(r["net"])


def write_safetensors(state, path):
    """The safetensors format from its specification (the package is not installable here): an 8-byte little-endian
    header length, a JSON header of dtype, shape and data_offsets per tensor (padded with spaces to 8 bytes), the raw
    little-endian bytes; tensors in name order, as the safetensors library does not keep the module order either."""
    header, blobs, at = {"__metadata__": {"format": "pt"}}, [], 0
    for name in sorted(state):
        t = state[name].detach().contiguous()
        dtype, raw = {torch.float32: ("F32", "<f4"), torch.int64: ("I64", "<i8")}[t.dtype]
        data = t.numpy().astype(raw).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [at, at + len(data)]}
        blobs.append(data)
        at += len(data)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little") + text + b"".join(blobs))


def seeded(r):
    """The net r asks for, with seeded weights and BatchNorm statistics and affine values away from their defaults."""
    torch.manual_seed(r.get("seed", 0))
    model = notebook(r)
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(-0.2, 0.2)
    return model


def save_notebook_net(r):
    """A notebook net (or an nn.Sequential of KernelLab's JSON form) with seeded weights and BatchNorm statistics that
    differ from their defaults, saved as torch.save(model.state_dict()) (with DistributedDataParallel's "module." prefix
    when asked) and as safetensors; its logits on the given inputs in evaluation mode."""
    model = seeded(r)
    state = model.state_dict()
    if r.get("ddp"):
        state = OrderedDict(("module." + k, v) for k, v in state.items())
    torch.save(state, r["pt"])
    if r.get("safetensors"):
        write_safetensors(state, r["safetensors"])
    model.eval()
    with torch.no_grad():
        return {"logits": out(model(tensor(r["x"], torch.float32)))}


def export_onnx(r):
    """A notebook net (or an nn.Sequential of KernelLab's JSON form) with seeded weights, written by torch.onnx.export
    (opset r["opset"], a batch of any size) in evaluation mode; its logits on the given inputs."""
    model = seeded(r).eval()
    x = tensor(r["x"], torch.float32)
    torch.onnx.export(model, x[:1], r["path"], opset_version=r.get("opset", 13), input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    with torch.no_grad():
        return {"logits": out(model(x))}


def saved_logits(r):
    """A committed state dict (fixtures.py) read back by torch.load(weights_only=True) into its notebook class; the
    logits on the given inputs in evaluation mode."""
    state = torch.load(r["pt"], weights_only=True)
    model = notebook(r)
    model.load_state_dict(OrderedDict((k[len("module."):] if k.startswith("module.") else k, v) for k, v in state.items()))
    model.eval()
    with torch.no_grad():
        return {"logits": out(model(tensor(r["x"], torch.float32)))}


def explain(r):
    """Saliency and an attack on one sample, by autograd: the gradient of logit c with respect to the input, Grad-CAM at the
    output of module "layer" (its activation, its gradient, the map and the map resized by F.interpolate), and FGSM's
    picture at "eps" against label "y"."""
    model = build(r["net"])
    load(model, r["weights"], r.get("stats", []))
    model.eval()
    if isinstance(model[-1], nn.Softmax):
        model = model[:-1]
    x = tensor(r["x"], torch.float32).requires_grad_(True)
    seen = {}

    def hook(m, inp, o):
        seen["a"] = o
        o.retain_grad()

    handle = model[r.get("layer", 0)].register_forward_hook(hook)
    logits = model(x)
    handle.remove()
    logits[0, r["c"]].backward()
    a, g = seen["a"], seen["a"].grad
    if g is None or g.dim() < 3:  # no spatial layer: no Grad-CAM
        a = g = torch.zeros(1, 1, 1, 1)
    alpha = g.mean(dim=tuple(range(2, g.dim())), keepdim=True)
    cam = F.relu((alpha * a).sum(dim=1, keepdim=True))
    mode = "bilinear" if cam.dim() == 4 else "trilinear"
    up = F.interpolate(cam, size=tuple(x.shape[2:]), mode=mode, align_corners=False)
    x2 = tensor(r["x"], torch.float32).requires_grad_(True)
    loss = F.cross_entropy(model(x2), torch.tensor([r["y"]]))
    loss.backward()
    adv = (x2 + r["eps"] * x2.grad.sign()).clamp(0, 1)
    return {"logits": out(logits.detach()), "grad": out(x.grad), "activation": out(a.detach()), "agrad": out(g),
            "cam": out(cam.detach()), "upsampled": out(up.detach()), "loss_grad": out(x2.grad), "fgsm": out(adv.detach())}


OPS = {"versions": versions, "conv": conv, "conv_transpose": conv_transpose, "pool": pool, "optimizer": optimizer,
       "dropout": dropout, "augment": augment, "famous": famous, "numpy_randn": numpy_randn, "notebook_conv": notebook_conv,
       "net_step": net_step, "net_forward": net_forward, "answers": answers,
       "save_notebook_net": save_notebook_net, "saved_logits": saved_logits, "export_onnx": export_onnx,
       "explain": explain}


def main():
    print(json.dumps({"ready": versions(None)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            answer = {"ok": OPS[request["op"]](request)}
        except Exception as e:  # the Java side reports it as the test's failure
            answer = {"error": "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc())}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
