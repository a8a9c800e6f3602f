# del of an extended slice that selects nothing (a negative step past the end) leaves list and bytearray as they are
import sys
indices = (0, None, 1, 3, 19, 100, sys.maxsize, -1, -2, -31, -100)
for mk in (list, bytearray):
    for start in indices:
        for stop in indices:
            for step in indices[1:]:
                L = mk([0, 1, 17, 23, 42, 255])
                del L[start:stop:step]
                print(start, stop, step, L)
