total = 0
i = 0
while i < 6000000:
    total += i & 7
    i += 1
for j in range(4000000):
    total ^= j
print(total)
