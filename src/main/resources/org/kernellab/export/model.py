"""{{TITLE}}, exported from KernelLab.

The net is an nn.Sequential: every layer a registered module, in the order the input goes through them, as in the
course notebooks. forward() returns the raw scores (logits): nn.CrossEntropyLoss takes them as they are.

    from model import load
    net = load()             # the exported weights, in evaluation mode
    scores = net(x)          # x: a batch shaped {{BATCH_SHAPE}}, values as ToTensor() gives them{{NORMALIZE_NOTE}}
"""
from pathlib import Path

import torch
from torch import nn

HERE = Path(__file__).resolve().parent
INPUT = {{INPUT}}  # one sample's shape: channels first, as PyTorch's tensors
CLASSES = {{CLASSES}}
# How KernelLab trained it; train.py starts from these.
TRAINING = {{TRAINING}}


class Net(nn.Sequential):
    def __init__(self):
        super().__init__(
{{LAYERS}}
        )


def load(path=None):
    """The net with the weights in `path` (the exported weights.pt by default), in evaluation mode."""
    model = Net()
    state = torch.load(path or HERE / "weights.pt", map_location="cpu", weights_only=True)
    model.load_state_dict(state)
    return model.eval()
