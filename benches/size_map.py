#!/usr/bin/env python3
"""Where the bytes of the app's wasm go, from `twiggy top -f csv` of a build that kept its names.

`make size-map` builds the app's wasm with the browser profile (wasm-release) but with symbol
names kept, runs twiggy on it and pipes the CSV here. Printed:

- the module's parts: code, data (string literals and tables) and the custom sections that the
  shipped build does not carry (names, wasm-bindgen's descriptors, debug info);
- code by owner: the project's modules (`ui/views`, `engine/api`, ...) and each crate, counting
  a generic function under the module or crate that its path starts with;
- families of generic code that many types instantiate (BTreeMap, sort, drop, clone, serde);
- the largest functions.

Usage: twiggy top -n 1000000 -f csv WASM | python3 benches/size_map.py [--top N]
"""

import collections
import csv
import re
import sys

# Functions wasm-bindgen removes from the shipped module (its describe/placeholder exports).
BINDGEN_ONLY = re.compile(r'(__wbindgen_describe|__wbindgen_placeholder__|__wbg_.*describe)')
FAMILIES = [
    ('BTreeMap/BTreeSet', lambda n: 'collections::btree' in n),
    ('slice sort (stable)', lambda n: 'slice::sort::stable' in n or 'sort::shared' in n),
    ('slice sort (unstable)', lambda n: 'slice::sort::unstable' in n),
    ('drop_in_place', lambda n: 'drop_in_place' in n),
    ('Clone impls', lambda n: 'as core::clone::Clone>' in n),
    ('serde (de)serialisation', lambda n: re.search(r'serde(_json|_core)?::(de|ser)|Deserialize|Serialize|Visitor', n) is not None),
    ('core::fmt', lambda n: n.startswith('core::fmt') or 'as core::fmt::' in n),
    ('Rc/RefCell', lambda n: 'alloc::rc::' in n or 'core::cell::' in n),
]


def owner(name):
    """The project's module (two levels) or the crate a function belongs to."""
    m = re.search(r'kinesis_playground::([a-z_0-9]+)(?:::([a-z_0-9]+))?', name)
    if m:
        return 'kinesis_playground::' + '/'.join(p for p in m.groups() if p)
    m = re.match(r'<?([a-z_][a-z0-9_]*)::', name)
    return m.group(1) if m else '(other)'


def main(argv):
    top = int(argv[argv.index('--top') + 1]) if '--top' in argv else 25
    rows = [(r['Name'], int(r['ShallowSize'])) for r in csv.DictReader(sys.stdin)]
    parts = collections.Counter()
    code = []
    for name, size in rows:
        if name.startswith('custom section') or 'subsection' in name:
            parts['custom sections (not shipped)'] += size
        elif name.startswith('data segment'):
            parts['data (strings, tables)'] += size
        elif BINDGEN_ONLY.search(name):
            parts['wasm-bindgen descriptors (not shipped)'] += size
        elif name.startswith('elem[') or name.startswith('export ') or name.startswith('import ') or name.startswith('type['):
            parts['tables, imports, exports'] += size
        else:
            parts['code'] += size
            code.append((name, size))
    total_code = sum(s for _, s in code)
    print('== parts of the module')
    for k, v in parts.most_common():
        print(f'{v / 1024:10.1f} KB  {k}')
    print(f'\n== code by owner (of {total_code / 1024:.1f} KB)')
    owners = collections.Counter()
    counts = collections.Counter()
    for name, size in code:
        o = owner(name)
        owners[o] += size
        counts[o] += 1
    for k, v in owners.most_common(top):
        print(f'{v / 1024:10.1f} KB  {100 * v / total_code:5.1f} %  {counts[k]:5d} fns  {k}')
    print('\n== generic families (counted across owners)')
    for label, test in FAMILIES:
        fam = [(n, s) for n, s in code if test(n)]
        v = sum(s for _, s in fam)
        print(f'{v / 1024:10.1f} KB  {100 * v / total_code:5.1f} %  {len(fam):5d} fns  {label}')
    print(f'\n== the {top} largest functions')
    for name, size in sorted(code, key=lambda r: -r[1])[:top]:
        print(f'{size / 1024:10.1f} KB  {re.sub(r"::h[0-9a-f]{16}$", "", name)[:150]}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
