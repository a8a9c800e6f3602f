DATA = """name, department , salary,start
Alice,Engineering,125000,2015-03-01
Bob,Sales, 67000 ,2018-07-15
  Carol ,Engineering,135000,2012-11-30
Dave,Marketing,72000,2020-01-06
Eve,Sales,71000,2016-05-20

Frank,Engineering,98000,2021-09-13
Grace,Marketing,88000,2014-02-28
# comment line
Heidi,Support,54000,2019-12-01
"""

def parse(text):
    lines = [l for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]
    header = [h.strip() for h in lines[0].split(",")]
    rows = []
    for line in lines[1:]:
        fields = [f.strip() for f in line.split(",")]
        rec = dict(zip(header, fields))
        rec["salary"] = int(rec["salary"])
        y, m, d = map(int, rec["start"].split("-"))
        rec["start"] = (y, m, d)
        rows.append(rec)
    return header, rows

header, rows = parse(DATA)
print(header)
print(len(rows), "records")
print(f"{'Name':<8}|{'Dept':^13}|{'Salary':>10}|{'Start':>11}")
print("-" * 8 + "+" + "-" * 13 + "+" + "-" * 10 + "+" + "-" * 11)
for r in sorted(rows, key=lambda r: (r["department"], -r["salary"])):
    y, m, d = r["start"]
    print(f"{r['name']:<8}|{r['department']:^13}|{r['salary']:>10,}|{y:04d}-{m:02d}-{d:02d}")

groups = {}
for r in rows:
    groups.setdefault(r["department"], []).append(r)
print()
print("%-12s %5s %12s %12s" % ("Department", "Count", "Total", "Average"))
for dept, members in sorted(groups.items()):
    total = sum(m["salary"] for m in members)
    print("%-12s %5d %12s %12.2f" % (dept, len(members), format(total, ","), total / len(members)))
grand = sum(r["salary"] for r in rows)
print("%-12s %5d %12s %12.2f" % ("ALL", len(rows), f"{grand:,}", grand / len(rows)))
senior = [r["name"] for r in rows if r["start"] < (2016, 1, 1)]
print("senior:", ", ".join(senior))
top = max(rows, key=lambda r: r["salary"])
print(f"top earner: {top['name']} ({top['salary']:.3e})")
pct = {r["name"]: r["salary"] / grand for r in rows}
for name, p in sorted(pct.items(), key=lambda kv: kv[1], reverse=True)[:3]:
    print(f"{name:>6}: {p:7.2%}")
out = "\n".join(",".join(str(r[h]) if h != "start" else "-".join(f"{x:02}" for x in r[h]) for h in header) for r in rows[:3])
print(out)
