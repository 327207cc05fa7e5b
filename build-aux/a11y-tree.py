#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Walk an application's AT-SPI tree; list interactive objects without a name.
import sys, time, re, pyatspi
app_name = sys.argv[1] if len(sys.argv) > 1 else "outlay"
INTERACTIVE = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
  pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_SPIN_BUTTON,
  pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
  pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_SWITCH if hasattr(pyatspi,'ROLE_SWITCH') else -1,
  pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST_BOX}
desktop = pyatspi.Registry.getDesktop(0)
apps = []
for _ in range(40):
    apps = [a for a in desktop if a is not None and app_name in (a.name or "").lower()]
    if apps: break
    time.sleep(0.5)
if not apps:
    print("no app", [a.name for a in desktop if a]); sys.exit(2)
bad = 0; total = 0; seen=set()
def path_of(o):
    p=[]; 
    while o is not None and len(p)<6:
        p.append(f"{o.getRoleName()}:{(o.name or '')[:20]}"); o=o.parent
    return " < ".join(p)
def walk(o, depth=0):
    global bad,total
    try:
        role = o.getRole(); st = o.getState()
    except Exception: return
    inner = o.parent is not None and o.parent.getRole() == pyatspi.ROLE_COMBO_BOX
    if role in INTERACTIVE and not inner:
        total += 1
        name = (o.name or "").strip(); name = "" if re.match(r"^(Gtk|Adw|Outlay)[A-Z]\w+$", name) else name; desc=(o.description or "").strip()
        labelled = any(r.getRelationType()==pyatspi.RELATION_LABELLED_BY for r in o.getRelationSet())
        if not name and not desc and not labelled:
            bad += 1; print("UNNAMED", path_of(o)); seen.add(path_of(o))
    for c in o:
        if c is not None: walk(c, depth+1)
for a in apps:
    for w in a: walk(w)
print(f"{total} interactive, {bad} unnamed")
