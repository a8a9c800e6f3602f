import math

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, math.isqrt(n) + 1):
        if is_p[i]:
            is_p[i*i::i] = [False] * len(range(i*i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]

def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

def fmt_factors(f):
    return " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items()))

def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True

primes = sieve(200)
print(len(primes), primes[:15], primes[-5:])
print("sum of primes < 10000:", sum(sieve(10000)))
for n in (360, 97, 1001, 2**16 - 1, 600851475143, 1234567890):
    print(f"{n} = {fmt_factors(factorize(n))}")
mersenne = [p for p in range(2, 130) if is_probable_prime(p) and is_probable_prime(2**p - 1)]
print("Mersenne exponents:", mersenne)
print(is_probable_prime(2**89 - 1), is_probable_prime(2**89 + 1))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print("twin primes:", twins[:10])
gaps = [b - a for a, b in zip(primes, primes[1:])]
print("max gap below 200:", max(gaps), "at", primes[gaps.index(max(gaps))])
def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result
print([totient(n) for n in range(1, 21)])
print("gcd/lcm:", math.gcd(462, 1071), math.lcm(4, 6, 10), math.gcd(2**64, 6**30))
goldbach = {}
for n in range(4, 60, 2):
    for p in primes:
        if n - p in primes:
            goldbach[n] = (p, n - p)
            break
print(list(goldbach.items())[:8])
