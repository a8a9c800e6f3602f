# Classic sorting algorithms compared against sorted().
import random

def bubble_sort(a):
    a = list(a)
    n = len(a)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return a, swaps

def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a

def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out

def quick_sort(a):
    if len(a) < 2:
        return a
    pivot, *rest = a
    return quick_sort([x for x in rest if x < pivot]) + [pivot] + quick_sort([x for x in rest if x >= pivot])

def heapify(a, n, i):
    largest = i
    l, r = 2 * i + 1, 2 * i + 2
    if l < n and a[l] > a[largest]:
        largest = l
    if r < n and a[r] > a[largest]:
        largest = r
    if largest != i:
        a[i], a[largest] = a[largest], a[i]
        heapify(a, n, largest)

def heap_sort(a):
    a = list(a)
    n = len(a)
    for i in range(n // 2 - 1, -1, -1):
        heapify(a, n, i)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        heapify(a, end, 0)
    return a

def counting_sort(a):
    if not a:
        return []
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]

random.seed(42)
data = [random.randint(-50, 50) for _ in range(30)]
print("data:", data)
expected = sorted(data)
b, swaps = bubble_sort(data)
print("bubble  ", b == expected, "swaps =", swaps)
for fn in (insertion_sort, merge_sort, quick_sort, heap_sort, counting_sort):
    result = fn(data)
    print(f"{fn.__name__:<15}", result == expected, result[:5], result[-3:])
print("reverse:", sorted(data, reverse=True)[:8])
words = "the Quick brown fox Jumps over the lazy dog".split()
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w.lower())))
print(sorted(set(words), key=len, reverse=True))
pairs = [(3, 'c'), (1, 'b'), (3, 'a'), (1, 'a'), (2, 'z')]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
