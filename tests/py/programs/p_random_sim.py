import random

random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(600)]
hist = {face: rolls.count(face) for face in range(1, 7)}
for face, n in hist.items():
    print(f"{face}: {n:3} {'#' * (n // 5)}")
print("mean:", round(sum(rolls) / len(rolls), 3))

def monte_carlo_pi(n):
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1:
            inside += 1
    return 4 * inside / n
random.seed(1)
print("pi ~", monte_carlo_pi(20000))

random.seed(7)
deck = [r + s for s in "♠♥♦♣" for r in ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"]]
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for i, h in enumerate(hands, 1):
    print(f"player {i}: {' '.join(h)}")
print(random.choice(deck), random.sample(deck, 3), random.sample(range(100), 5))
random.seed(99)
print([round(random.uniform(-1, 1), 4) for _ in range(5)])
print([random.randrange(0, 100, 5) for _ in range(6)])
print(random.random(), random.getrandbits(40))
print(random.choices("abc", k=8), random.choices([1, 2, 3], weights=[10, 1, 1], k=6))

def random_walk(steps, seed):
    random.seed(seed)
    x = y = 0
    path_max = 0
    for _ in range(steps):
        dx, dy = random.choice([(0, 1), (1, 0), (0, -1), (-1, 0)])
        x += dx
        y += dy
        path_max = max(path_max, abs(x) + abs(y))
    return (x, y), path_max
print(random_walk(1000, 3), random_walk(1000, 3) == random_walk(1000, 3))

# simple queue simulation
random.seed(5)
clock, queue, served, waits = 0, [], 0, []
for minute in range(120):
    if random.random() < 0.3:
        queue.append(minute)
    if queue and random.random() < 0.35:
        waits.append(minute - queue.pop(0))
        served += 1
print("served", served, "left", len(queue), "avg wait", round(sum(waits) / len(waits), 2), "max wait", max(waits))
random.seed("hello")
print(random.randint(1, 1000), random.random())
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
r = random.Random(12)
print(r.randint(1, 10), r.choice("xyz"), round(r.gauss(0, 1), 6), round(r.normalvariate(10, 2), 6))
lst = list(range(10))
random.Random(3).shuffle(lst)
print(lst)
