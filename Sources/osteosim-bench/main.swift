print("osteosim-bench")
