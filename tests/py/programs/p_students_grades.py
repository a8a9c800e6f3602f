import sys
from collections import defaultdict

RAW = """\
alice:math=91,physics=85,history=78
bob:math=72,physics=64,history=88,art=95
carol:math=88,physics=92
dave:math=55,history=61,art=70
erin:math=100,physics=99,history=97,art=60
"""

def letter(score):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= cutoff:
            return grade
    return "F"

students = {}
for line in RAW.splitlines():
    name, _, rest = line.partition(":")
    students[name] = {k: int(v) for k, v in (pair.split("=") for pair in rest.split(","))}

subjects = sorted({s for grades in students.values() for s in grades})
print("student".ljust(8), *[s[:4].rjust(5) for s in subjects], "  avg", "grade", sep="")
averages = {}
for name, grades in sorted(students.items()):
    avg = sum(grades.values()) / len(grades)
    averages[name] = avg
    cells = [str(grades[s]).rjust(5) if s in grades else "    -" for s in subjects]
    print(name.ljust(8), *cells, f"{avg:5.1f}", letter(avg).center(5), sep="")

by_subject = defaultdict(list)
for name, grades in students.items():
    for s, v in grades.items():
        by_subject[s].append((v, name))
print()
for s in subjects:
    scores = sorted(by_subject[s], reverse=True)
    best_v, best_n = scores[0]
    mean = sum(v for v, _ in scores) / len(scores)
    print(f"{s:<8} n={len(scores)} best={best_n}({best_v}) mean={mean:.2f} median={sorted(v for v, _ in scores)[len(scores) // 2]}")
ranking = sorted(averages, key=averages.get, reverse=True)
print("ranking:", " > ".join(ranking))
dist = defaultdict(int)
for avg in averages.values():
    dist[letter(avg)] += 1
print(dict(sorted(dist.items())))
honor = [n for n, a in averages.items() if a >= 85]
print("honor roll:", honor, file=sys.stdout)
print("warning: dave is failing", file=sys.stderr)
missing = {n: sorted(set(subjects) - set(g)) for n, g in students.items() if set(subjects) - set(g)}
print(missing)
curve = {n: {s: min(100, round(v * 1.05)) for s, v in g.items()} for n, g in students.items()}
print(curve["dave"], curve["erin"])
top_per_subject = {s: max(by_subject[s])[1] for s in subjects}
print(top_per_subject)
print(sys.argv[0].endswith("p_students_grades.py"), len(sys.argv))
