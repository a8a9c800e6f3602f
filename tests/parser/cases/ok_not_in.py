if x not in y and a is not b: pass
