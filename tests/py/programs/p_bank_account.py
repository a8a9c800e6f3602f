class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount:.2f}; balance is {balance:.2f}")
        self.balance = balance
        self.amount = amount

class AccountFrozen(Exception):
    pass

class Account:
    _next_id = 1000
    interest_rate = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
        self.frozen = False
        self.id = Account._next_id
        Account._next_id += 1

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def apply_interest(self):
        gained = round(self._balance * self.interest_rate, 2)
        self._balance += gained
        return gained

    @classmethod
    def open_many(cls, *owners):
        return [cls(o) for o in owners]

    @staticmethod
    def fmt(amount):
        return f"${amount:,.2f}"

    def __repr__(self):
        return f"{type(self).__name__}(id={self.id}, owner={self.owner!r}, balance={self._balance})"

class Savings(Account):
    interest_rate = 0.025

class Checking(Account):
    def withdraw(self, amount):
        fee = 1.5 if amount < 100 else 0
        return super().withdraw(amount + fee)

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print(f"  transfer failed: {e}")
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print(f"  after transfer attempt: {src.fmt(src.balance)} / {dst.fmt(dst.balance)}")

alice = Savings("alice", 1000)
bob = Checking("bob", 50)
print(alice, bob)
alice.deposit(250).deposit(0.75)
print(alice.balance, Account.fmt(alice.balance))
print(transfer(alice, bob, 300))
print(transfer(bob, alice, 400))
print(transfer(bob, alice, 50))
print("interest:", alice.apply_interest(), Account.fmt(alice.balance))
print(bob.history)
for bad in (-5, 0):
    try:
        bob.deposit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    bob.balance = -1
except ValueError as e:
    print("ValueError:", e)
bob.frozen = True
try:
    bob.withdraw(1)
except AccountFrozen as e:
    print(type(e).__name__, e)
accts = Account.open_many("x", "y", "z")
print(accts, [a.id for a in accts])
try:
    alice.withdraw(10 ** 6)
except Exception as e:
    print(type(e).__name__, e.args, e.amount, isinstance(e, InsufficientFunds))
print(Savings.interest_rate, Checking.interest_rate, Savings.__mro__[1].__name__)
