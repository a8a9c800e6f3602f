def mean(xs):
    assert xs, "mean() of empty sequence"
    return sum(xs) / len(xs)

def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / len(xs)

for data in ([1, 2, 3, 4], [5.5], [2, 2, 2, 9]):
    print(data, mean(data), round(variance(data), 4))
print(variance([]))
