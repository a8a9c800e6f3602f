prices = {"apple": "1.20", "pear": 0.8, "fig": 2}
total = 0
for name in sorted(prices):
    print("adding", name)
    total = total + prices[name]
print(total)
