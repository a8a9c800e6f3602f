# Strings and bytes built piece by piece in functions (the shape that was 46x).
def build(n):
    acc = ""
    for i in range(n):
        acc = acc + str(i % 10)
    return acc


def build_bytes(n):
    out = b""
    for i in range(n):
        out += b"%d," % (i % 100)
    return out


total = 0
for k in range(180):
    total += len(build(20000)) + len(build_bytes(5000))
print(total)
