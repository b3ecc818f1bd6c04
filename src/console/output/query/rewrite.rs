//! The crate's syntax tree, rewritten so that the crate's interpreter runs it with Python's
//! semantics where they differ, through functions the console registers (their names start
//! with `$`, which no expression can spell, so a user never calls them):
//!
//! | node | becomes | why |
//! |------|---------|-----|
//! | `{k1: e1, k2: e2}` | `@ != null` ? `$hash(['k1','k2'], e1, e2)` | the crate builds a `BTreeMap`; `$hash` records the expression's key order (Python `visit_multi_select_dict`) |
//! | `obj.*` | `$values(obj)` | the crate yields the values in sorted key order; Python in the object's order (`visit_value_projection`) |
//! | `a == b`, `a < b`, … | `$compare('<', a, b)` | Python compares strings with `<` (`_is_comparable`), compares numbers exactly (no float tolerance), never equates `0`/`1` with `false`/`true`, and raises `TypeError` on `1 < 'a'` |
//! | `!a` | `$not(a)` | Python's `not` (`visit_not_expression`): an expression reference is true there |
//! | `[?c]` | `[?$truth(c)]` | the same for a filter's condition (`visit_filter_projection`, `_is_true`) |
//! | `` `{"b":1,"a":2}` `` | the same literal, parsed again in order | the crate's literal object has sorted keys |
//!
//! A `Condition` with a null `then` is exactly the multiselect's `if value is None: return
//! None`; the hash's values are only evaluated when the current node is not null, in the
//! expression's order, as in Python.

use jmespath::ast::{Ast, Comparator};
use jmespath::{Rcvar, Variable};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The console's multiselect-hash function: `$hash([keys…], values…)`.
pub const HASH: &str = "$hash";
/// The console's object-values function: `$values(object)`.
pub const VALUES: &str = "$values";
/// The console's comparison function: `$compare(operator, left, right)`.
pub const COMPARE: &str = "$compare";
/// The console's negation: `$not(value)`.
pub const NOT: &str = "$not";
/// The console's truth of a filter's condition: `$truth(value)`.
pub const TRUTH: &str = "$truth";

/// `ast` rewritten (see the module doc); `literals` maps a literal's byte offset in the parsed
/// text to its value parsed in order.
pub fn rewrite(ast: Ast, literals: &BTreeMap<usize, Rcvar>) -> Ast {
    let go = |node: Box<Ast>| Box::new(rewrite(*node, literals));
    match ast {
        Ast::MultiHash { offset, elements } => {
            let keys = elements.iter().map(|kvp| Rc::new(Variable::String(kvp.key.clone()))).collect();
            let mut args = vec![Ast::Literal { offset, value: Rc::new(Variable::Array(keys)) }];
            args.extend(elements.into_iter().map(|kvp| rewrite(kvp.value, literals)));
            let predicate = Ast::Comparison {
                offset,
                comparator: Comparator::NotEqual,
                lhs: Box::new(Ast::Identity { offset }),
                rhs: Box::new(Ast::Literal { offset, value: Rc::new(Variable::Null) }),
            };
            Ast::Condition {
                offset,
                predicate: Box::new(predicate),
                then: Box::new(Ast::Function { offset, name: HASH.to_owned(), args }),
            }
        }
        Ast::ObjectValues { offset, node } => {
            Ast::Function { offset, name: VALUES.to_owned(), args: vec![rewrite(*node, literals)] }
        }
        Ast::Comparison { offset, comparator, lhs, rhs } => {
            let operator = match comparator {
                Comparator::Equal => "==",
                Comparator::NotEqual => "!=",
                Comparator::LessThan => "<",
                Comparator::LessThanEqual => "<=",
                Comparator::GreaterThan => ">",
                Comparator::GreaterThanEqual => ">=",
            };
            let operator = Ast::Literal { offset, value: Rc::new(Variable::String(operator.to_owned())) };
            Ast::Function {
                offset,
                name: COMPARE.to_owned(),
                args: vec![operator, rewrite(*lhs, literals), rewrite(*rhs, literals)],
            }
        }
        Ast::Literal { offset, value } => match literals.get(&offset) {
            Some(ordered) => Ast::Literal { offset, value: ordered.clone() },
            None => Ast::Literal { offset, value },
        },
        // A filter's condition: Python's truth (`_is_false`), where an expression reference is true.
        Ast::Condition { offset, predicate, then } => Ast::Condition {
            offset,
            predicate: Box::new(Ast::Function {
                offset,
                name: TRUTH.to_owned(),
                args: vec![rewrite(*predicate, literals)],
            }),
            then: go(then),
        },
        Ast::Expref { offset, ast } => Ast::Expref { offset, ast: go(ast) },
        Ast::Flatten { offset, node } => Ast::Flatten { offset, node: go(node) },
        Ast::Function { offset, name, args } => {
            Ast::Function { offset, name, args: args.into_iter().map(|arg| rewrite(arg, literals)).collect() }
        }
        Ast::MultiList { offset, elements } => {
            Ast::MultiList { offset, elements: elements.into_iter().map(|e| rewrite(e, literals)).collect() }
        }
        Ast::Not { offset, node } => {
            Ast::Function { offset, name: NOT.to_owned(), args: vec![rewrite(*node, literals)] }
        }
        Ast::Projection { offset, lhs, rhs } => Ast::Projection { offset, lhs: go(lhs), rhs: go(rhs) },
        Ast::And { offset, lhs, rhs } => Ast::And { offset, lhs: go(lhs), rhs: go(rhs) },
        Ast::Or { offset, lhs, rhs } => Ast::Or { offset, lhs: go(lhs), rhs: go(rhs) },
        Ast::Subexpr { offset, lhs, rhs } => Ast::Subexpr { offset, lhs: go(lhs), rhs: go(rhs) },
        leaf @ (Ast::Identity { .. } | Ast::Field { .. } | Ast::Index { .. } | Ast::Slice { .. }) => leaf,
    }
}
