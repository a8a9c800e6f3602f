# array.array: assigning and deleting every kind of slice, against a list doing the same
import array, sys
indices = (0, None, 1, 3, 19, 100, sys.maxsize, -1, -2, -31, -100)
for tc, ex in (('B', [0, 1, 17, 23, 42, 255]), ('d', [0.5, -1.0, 3.25]), ('u', 'abcdefg')):
    for start in indices:
        for stop in indices:
            for step in indices[1:]:
                a = array.array(tc, ex)
                L = list(a)
                data = L[start:stop:step]
                data.reverse()
                L[start:stop:step] = data
                a[start:stop:step] = array.array(tc, data)
                r1 = a == array.array(tc, L)
                del L[start:stop:step]
                del a[start:stop:step]
                print(tc, start, stop, step, r1, a == array.array(tc, L), a.tolist() == L, len(a))
