scores = {"math": [90, 80, 70], "art": [], "music": [100]}
for subject, marks in scores.items():
    avg = sum(marks) / len(marks)
    print(f"{subject}: {avg:.1f}")
