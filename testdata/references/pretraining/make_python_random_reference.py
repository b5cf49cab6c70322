"""Writes python-random.json: draws of CPython's random.Random(seed) that bertlab's PythonRandom must reproduce,
and the characters str.isspace() accepts (what str.strip() removes)."""
import json
import random
import sys

cases = []
for seed in [0, 1, 7, 12345, -12345, 2**32 - 1, 2**32 + 1, 2**70 + 3]:
    rng = random.Random(seed)
    case = {"seed": str(seed)}
    case["getrandbits32"] = [rng.getrandbits(32) for _ in range(5)]
    case["random"] = [repr(rng.random()) for _ in range(5)]
    case["randint_0_30521"] = [rng.randint(0, 30521) for _ in range(5)]
    case["randint_1_1"] = [rng.randint(1, 1) for _ in range(3)]
    case["getrandbits33"] = [rng.getrandbits(33) for _ in range(3)]
    case["getrandbits64"] = [str(rng.getrandbits(64)) for _ in range(3)]
    items = list(range(20))
    rng.shuffle(items)
    case["shuffle20"] = items
    case["choice"] = [rng.choice("abcdefghij") for _ in range(5)]
    # after 700 draws the generator has twisted at least once more
    case["random_after_700"] = [repr(x) for x in [rng.random() for _ in range(700)][-3:]]
    cases.append(case)
# str.isspace() over the Basic Multilingual Plane, for the str.strip() of each input line
isspace = [c for c in range(0x10000) if chr(c).isspace()]
json.dump({"python": sys.version.split()[0], "cases": cases, "isspace_bmp": isspace}, open("python-random.json", "w"), indent=1)
