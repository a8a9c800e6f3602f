def window_sums(xs, k):
    return [sum(xs[i + j] for j in range(k)) for i in range(len(xs) - k + 2)]

print(window_sums([1, 2, 3, 4, 5], 1)[:3])
print(window_sums([1, 2, 3, 4, 5], 2))
