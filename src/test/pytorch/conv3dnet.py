"""The course's Conv3DNet (and the exercise's modified net) in PyTorch on this machine, for a side-by-side speed ratio
with `kernellab train3d`: same shapes, batch 32, Adam 1e-3, 2 threads. Prints one JSON line per net.
Run: /usr/bin/python3 src/test/pytorch/conv3dnet.py [samples] [epochs]"""
import json, sys, time
import torch
import torch.nn as nn

torch.set_num_threads(2)
torch.manual_seed(1)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 480
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
CLASSES = 4

def course():
    return nn.Sequential(nn.Conv3d(1, 16, 3), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(16, 32, 3), nn.ReLU(), nn.MaxPool3d(2),
                         nn.Conv3d(32, 64, 3), nn.ReLU(), nn.MaxPool3d(2), nn.Flatten(), nn.Linear(64, 512), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(512, CLASSES))

def modified():
    return nn.Sequential(nn.Conv3d(1, 32, 5), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(32, 64, 3), nn.ReLU(), nn.MaxPool3d(2),
                         nn.Conv3d(64, 128, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(128 * 4 * 4 * 4, 512), nn.ReLU(),
                         nn.Dropout(0.5), nn.Linear(512, CLASSES))

x = (torch.rand(N, 1, 24, 24, 24) < 0.08).float()
y = torch.randint(0, CLASSES, (N,))
for name, make in (("course", course), ("modified", modified)):
    net = make()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()  # on the logits: the notebook's log_softmax before it applies softmax twice
    speeds = []
    for epoch in range(EPOCHS):
        t0 = time.perf_counter()
        perm = torch.randperm(N)
        for i in range(0, N, 32):
            idx = perm[i:i + 32]
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
        speeds.append(N / (time.perf_counter() - t0))
    print(json.dumps({"net": name, "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "samples_per_second_per_epoch": [round(s, 1) for s in speeds], "best": round(max(speeds), 1)}))
