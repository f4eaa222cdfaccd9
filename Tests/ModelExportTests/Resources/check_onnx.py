"""Runs an exported ONNX model with onnxruntime for the ModelExport tests.

Usage: check_onnx.py MODEL PIXELS COUNT C H W LOGITS
PIXELS holds COUNT x C x H x W little-endian float32 pixels in [0, 1]; the model's logits are
written to LOGITS as little-endian float32 (COUNT x classes). onnx.checker validates the file
first; the model's metadata_props are printed as one JSON object on standard output.
"""
import json
import sys

import numpy as np
import onnx
import onnxruntime


def main() -> None:
    model_path, pixels_path, count, channels, height, width, logits_path = sys.argv[1:8]
    shape = (int(count), int(channels), int(height), int(width))
    model = onnx.load(model_path)
    onnx.checker.check_model(model, full_check=True)
    pixels = np.fromfile(pixels_path, dtype="<f4").reshape(shape)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
    (logits,) = session.run(["logits"], {"pixels": pixels})
    np.asarray(logits, dtype="<f4").tofile(logits_path)
    metadata = {entry.key: entry.value for entry in model.metadata_props}
    metadata["opset"] = str(model.opset_import[0].version)
    print(json.dumps(metadata))


if __name__ == "__main__":
    main()
