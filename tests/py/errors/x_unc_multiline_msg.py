raise ValueError("line1\nline2")
