#!/usr/bin/env python3
"""Runs ../shared/corpus/generate.py with one fix: corpora larger than about 70,000 projects.

The shared generator draws department names from two of its 34 syllables plus a suffix (县/市,
高新区/经开区), about 2,300 names per layout family. When a family has used them all, its
`departments` supply loops forever (at seed 1 after 69,996 projects), so a 200,000-project
corpus never finishes. This wrapper replaces that supply with one that makes exactly the same
draws, and so the same names and the same bytes, until every two-syllable name of the family
is taken, and only then goes on with three-syllable names. Corpora the plain generator can make
are byte-identical (Tests: `python3 Benchmarks/corpus.py --self-test`).

Usage: the generator's own arguments, e.g.
    python3 Benchmarks/corpus.py --projects 200000 --seed 1 --out DIR --hugo DIR
Environment: GONGKAI_CORPUS_GENERATOR overrides the generator's path.
"""

import importlib.util
import itertools
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def find_generator() -> Path | None:
    """GONGKAI_CORPUS_GENERATOR, else ../shared/corpus/generate.py next to the repository, else
    /work/shared/corpus/generate.py: the first that is a file, or None (Benchmarks/run uses it too)."""
    for candidate in (os.environ.get("GONGKAI_CORPUS_GENERATOR"),
                      REPO.parent / "shared" / "corpus" / "generate.py",
                      Path("/work/shared/corpus/generate.py")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def generator_path() -> Path:
    path = find_generator()
    if path is None:
        sys.exit("corpus.py: ../shared/corpus/generate.py not found (set GONGKAI_CORPUS_GENERATOR)")
    return path


def load_generator():
    path = generator_path()
    spec = importlib.util.spec_from_file_location("gongkai_shared_generate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def patch(gen) -> None:
    """Replaces gen.departments with the supply described above."""
    syllables = gen.SYLLABLES

    def departments(family, rng):
        if family == "D":
            names = [z + kind for kind in ("高新区", "经开区") for z in gen.ZONES]
            suffix, kinds = "人社局", ["高新区", "经开区"]
        else:
            names = list(gen.JIANGSU if family == "AB" else gen.ANHUI)
            suffix, kinds = "人力资源和社会保障局", ["县", "市"]
        for n in names:
            yield n + suffix
        seen = set(names)
        # The names the original loop can draw; while one of them is free it draws exactly as
        # the original does.
        free = {a + b + k for a, b in itertools.product(syllables, repeat=2) for k in kinds} - seen
        while free:
            n = "".join(rng.choice(syllables) for _ in range(2)) + rng.choice(kinds)
            if n not in seen:
                seen.add(n)
                free.discard(n)
                yield n + suffix
        while True:
            n = "".join(rng.choice(syllables) for _ in range(3)) + rng.choice(kinds)
            if n not in seen:
                seen.add(n)
                yield n + suffix

    gen.departments = departments


def self_test() -> None:
    """The patched supply yields the original's names for as long as the original can."""
    import random
    original = load_generator()
    patched = load_generator()
    patch(patched)
    for family in ("AB", "C", "D"):
        a = original.departments(family, random.Random(31 + len(family)))
        b = patched.departments(family, random.Random(31 + len(family)))
        first = list(itertools.islice(a, 2000))
        assert first == list(itertools.islice(b, 2000)), f"family {family}: names differ"
        more = list(itertools.islice(b, 3000))
        assert len(set(first + more)) == 5000, f"family {family}: a name repeats"
    print("corpus.py self-test: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    else:
        gen = load_generator()
        patch(gen)
        sys.argv[0] = gen.__file__
        gen.main()
