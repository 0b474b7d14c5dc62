#!/usr/bin/env python3
"""Makes KernelLab's embedded Fashion-MNIST subset from the full data set.

    python3 make_subset.py [SOURCE_DIR]    (default: /usr/share/datasets/fashion-mnist, Debian's
                                            package dataset-fashion-mnist)

Writes, next to this script, the same four IDX files as the full set, gzipped:
- train: the first 1,000 images of each class, in their original order (10,000, exactly balanced);
- t10k:  the first 2,000 test images, unchanged, so that indices match the full test set (the course
         notes that test images 23-28 are shoes); the test set is shuffled, so it is nearly balanced.
The output is deterministic (gzip header without a time stamp).
"""
import gzip
import os
import struct
import sys

PER_CLASS = 1000
TEST = 2000


def read(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * (dims - 1), data[8:8 + 4 * (dims - 1)]) if dims > 1 else ()
    header = 8 + 4 * (dims - 1)
    size = 1
    for d in shape:
        size *= d
    return magic, shape, [data[header + i * size: header + (i + 1) * size] for i in range(count)]


def write(path, magic, shape, items):
    body = struct.pack(">II", magic, len(items)) + b"".join(struct.pack(">I", d) for d in shape) + b"".join(items)
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(body)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = os.path.dirname(os.path.abspath(__file__))
    im_magic, im_shape, images = read(os.path.join(src, "train-images-idx3-ubyte.gz"))
    lb_magic, lb_shape, labels = read(os.path.join(src, "train-labels-idx1-ubyte.gz"))
    taken, keep = [0] * 10, []
    for i, lab in enumerate(labels):
        if taken[lab[0]] < PER_CLASS:
            taken[lab[0]] += 1
            keep.append(i)
    write(os.path.join(out, "train-images-idx3-ubyte.gz"), im_magic, im_shape, [images[i] for i in keep])
    write(os.path.join(out, "train-labels-idx1-ubyte.gz"), lb_magic, lb_shape, [labels[i] for i in keep])

    im_magic, im_shape, images = read(os.path.join(src, "t10k-images-idx3-ubyte.gz"))
    lb_magic, lb_shape, labels = read(os.path.join(src, "t10k-labels-idx1-ubyte.gz"))
    write(os.path.join(out, "t10k-images-idx3-ubyte.gz"), im_magic, im_shape, images[:TEST])
    write(os.path.join(out, "t10k-labels-idx1-ubyte.gz"), lb_magic, lb_shape, labels[:TEST])
    counts = [0] * 10
    for lab in labels[:TEST]:
        counts[lab[0]] += 1
    print("train:", len(keep), "per class", taken)
    print("test:", TEST, "per class", counts)


if __name__ == "__main__":
    main()
