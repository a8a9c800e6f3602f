# Code a beginner might write: it runs, but CPython warns at compile time
# (SyntaxWarning on stderr) about `is` with literals and a tuple assert.
def grade(score):
    if score is 100:
        return "perfect"
    elif score >= 90:
        return "A"
    elif score is not 0:
        return "pass"
    return "zero"

for s in (100, 95, 40, 0):
    print(s, grade(s))

def check(items):
    assert (len(items) > 0, "items must not be empty")
    return len(items)

print(check([]))
name = "bob"
if name is "bob":
    print("hi bob")
points = [(1, 2), (3, 4)]
print(points[0][1], [p[0] for p in points])
total = 0
for p in points:
    total += p[0] * p[1]
print(total)
