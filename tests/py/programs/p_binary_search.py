import bisect

def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid, steps
        elif a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

nums = list(range(0, 100, 3))
for t in (0, 3, 50, 51, 99, 100, -1):
    idx, steps = binary_search(nums, t)
    print(f"search {t:>4}: index={idx:>3} steps={steps}")

dup = [1, 2, 2, 2, 3, 5, 5, 8]
for x in (0, 2, 4, 5, 9):
    print(x, lower_bound(dup, x), bisect.bisect_left(dup, x), bisect.bisect_right(dup, x))

grades = "FDCBA"
breakpoints = [60, 70, 80, 90]
def grade(score):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100, 60)])

sorted_list = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(sorted_list, v)
print(sorted_list)

def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([isqrt(n) for n in (0, 1, 15, 16, 17, 10**20, 2**127)])

def find_peak(a):
    lo, hi = 0, len(a) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < a[mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return lo, a[lo]
print(find_peak([1, 3, 8, 12, 4, 2]))
print(find_peak([5, 4, 3]))

def bsearch_float(f, lo, hi, eps=1e-9):
    while hi - lo > eps:
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return round(lo, 6)
print(bsearch_float(lambda x: x * x - 2, 0, 2))
print(bsearch_float(lambda x: x ** 3 - x - 1, 1, 2))
