//! Formulas a workbook holds without their results — a file a program wrote and no one
//! opened in Excel or WPS since, which would have saved them. The few that clerks number
//! rows with are worked out (ROW(), the cell above plus one, MAX/COUNT/COUNTA/SUBTOTAL/SUM
//! over a block of cells); any other is left blank and said.

use calamine::{Data, Range};

/// A formula cell: its place (0-based row and column, as the sheet counts them) and formula.
pub(super) type FormulaCell = (u32, u32, String);

/// What filling a sheet's formulas found: the cells worked out, and those left blank.
#[derive(Debug, Default)]
pub(super) struct Filled {
    pub worked_out: Vec<FormulaCell>,
    pub left_blank: Vec<FormulaCell>,
}

/// Fills each cell of `values` that is blank though `formulas` has a formula there, in
/// reading order (a cell's formula may use the one worked out above it).
pub(super) fn fill(values: &mut Range<Data>, formulas: &Range<String>) -> Filled {
    let mut filled = Filled::default();
    let Some((top, left)) = formulas.start() else {
        return filled;
    };
    // Bounded by the sheet's own formulas: a cell at most, each read once.
    for (r, c, formula) in formulas.used_cells() {
        let at = (top + r as u32, left + c as u32);
        // A program that writes formulas without working them out saves nothing, or 0 (as
        // xlsxwriter does): a formula worked out here gives what Excel would, 0 included.
        let blank = values.get_value(at).is_none_or(|v| match v {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            Data::Float(f) => *f == 0.0,
            Data::Int(i) => *i == 0,
            _ => false,
        });
        if formula.trim().is_empty() || !blank {
            continue;
        }
        let cell = (at.0, at.1, formula.trim_start_matches('=').to_string());
        match Parser::new(formula, at.0, values).expression() {
            Some(value) if value.is_finite() => {
                let saved = values.get_value(at).and_then(|v| number_of(Some(v)));
                values.set_value(at, Data::Float(value));
                // A saved 0 that is the result is no result missing.
                if saved != Some(value) {
                    filled.worked_out.push(cell);
                }
            }
            // A saved 0 stands where the formula cannot be worked out.
            _ if values
                .get_value(at)
                .is_some_and(|v| !matches!(v, Data::Empty | Data::String(_))) => {}
            _ => filled.left_blank.push(cell),
        }
    }
    filled
}

/// A reader of one formula over the sheet's values; `None` for anything it does not know.
struct Parser<'a> {
    text: Vec<char>,
    at: usize,
    row: u32,
    values: &'a Range<Data>,
}

impl<'a> Parser<'a> {
    fn new(formula: &str, row: u32, values: &'a Range<Data>) -> Self {
        let text = formula
            .trim_start_matches('=')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '$')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        Parser {
            text,
            at: 0,
            row,
            values,
        }
    }

    /// The whole formula: terms added and taken away.
    fn expression(&mut self) -> Option<f64> {
        let mut value = self.term()?;
        while let Some(&sign) = self.text.get(self.at) {
            self.at += 1;
            let next = self.term()?;
            value = match sign {
                '+' => value + next,
                '-' => value - next,
                _ => return None,
            };
        }
        Some(value)
    }

    fn term(&mut self) -> Option<f64> {
        if self.eat('-') {
            return self.term().map(|v| -v);
        }
        let start = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
        {
            self.at += 1;
        }
        if self.at > start {
            return self.text[start..self.at]
                .iter()
                .collect::<String>()
                .parse()
                .ok();
        }
        let word = self.word();
        if self.eat('(') {
            return self.function(&word);
        }
        let (row, col) = cell_of(&word)?;
        number_of(self.values.get_value((row, col)))
    }

    /// `word(` read: ROW() or ROW(A5), or a function over one block of cells.
    fn function(&mut self, word: &str) -> Option<f64> {
        if word == "ROW" {
            let inside = self.word();
            self.expect(')')?;
            return match inside.as_str() {
                "" => Some(f64::from(self.row + 1)),
                cell => cell_of(cell).map(|(row, _)| f64::from(row + 1)),
            };
        }
        // SUBTOTAL(3, …) counts what COUNTA does, (2, …) COUNT, (4, …) MAX, (9, …) SUM;
        // 100 more skips hidden rows, which a sheet without results cannot tell apart.
        let kind = if word == "SUBTOTAL" {
            let code = self.term()?;
            self.expect(',')?;
            match code as u32 % 100 {
                2 => "COUNT",
                3 => "COUNTA",
                4 => "MAX",
                9 => "SUM",
                _ => return None,
            }
        } else {
            word
        };
        let from = cell_of(&self.word())?;
        self.expect(':')?;
        let to = cell_of(&self.word())?;
        self.expect(')')?;
        let (rows, cols) = (
            from.0.min(to.0)..=from.0.max(to.0),
            from.1.min(to.1)..=from.1.max(to.1),
        );
        // The sheet's filled cells inside the block: a block written A:A or 1:1048576
        // builds nothing the size of what it names.
        let (top, left) = self.values.start().unwrap_or((0, 0));
        let cells: Vec<&Data> = (self.values.used_cells())
            .filter(|(r, c, _)| {
                rows.contains(&(top + *r as u32)) && cols.contains(&(left + *c as u32))
            })
            .map(|(_, _, v)| v)
            .collect();
        let numbers = || cells.iter().filter_map(|v| number_of(Some(v)));
        match kind {
            "MAX" => Some(numbers().fold(0.0, f64::max)),
            "SUM" => Some(numbers().sum()),
            "COUNT" => Some(
                cells
                    .iter()
                    .filter(|v| matches!(v, Data::Float(_) | Data::Int(_)))
                    .count() as f64,
            ),
            "COUNTA" => Some(cells.len() as f64),
            _ => None,
        }
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(char::is_ascii_alphanumeric)
        {
            self.at += 1;
        }
        self.text[start..self.at].iter().collect()
    }

    fn eat(&mut self, c: char) -> bool {
        let here = self.text.get(self.at) == Some(&c);
        self.at += usize::from(here);
        here
    }

    fn expect(&mut self, c: char) -> Option<()> {
        self.eat(c).then_some(())
    }
}

/// `A5` as a 0-based (row, column).
fn cell_of(name: &str) -> Option<(u32, u32)> {
    let letters: String = name.chars().take_while(char::is_ascii_uppercase).collect();
    let digits = &name[letters.len()..];
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
        return None;
    }
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1));
    let row: u32 = digits.parse().ok()?;
    (row >= 1).then(|| (row - 1, col - 1))
}

/// A cell's value as a number: a blank is 0 as Excel counts it; text is no number.
fn number_of(value: Option<&Data>) -> Option<f64> {
    match value {
        None | Some(Data::Empty) => Some(0.0),
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        Some(Data::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet's values and formulas from rows of (value, formula) in column A, from A1.
    fn sheet(rows: &[(&str, &str)]) -> (Range<Data>, Range<String>) {
        let n = rows.len() as u32;
        let mut values = Range::new((0, 0), (n - 1, 1));
        let mut formulas = Range::new((0, 0), (n - 1, 1));
        for (i, (value, formula)) in rows.iter().enumerate() {
            let i = i as u32;
            if !value.is_empty() {
                values.set_value((i, 0), Data::String(value.to_string()));
            }
            formulas.set_value((i, 0), formula.to_string());
            values.set_value((i, 1), Data::String("任务".into()));
        }
        (values, formulas)
    }

    fn numbers(values: &Range<Data>) -> Vec<String> {
        (0..values.height() as u32)
            .map(|r| match values.get_value((r, 0)) {
                Some(Data::Float(f)) => f.to_string(),
                Some(Data::String(s)) => s.clone(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn the_formulas_rows_are_numbered_with_are_worked_out() {
        let (mut values, formulas) = sheet(&[
            ("序号", ""),
            ("1", ""),
            ("", "=A2+1"),
            ("", "=ROW()-1"),
            ("", "=MAX($A$1:A4)+1"),
            ("", "=SUBTOTAL(3,$B$2:B6)"),
            ("", "=COUNTA(B2:B7)"),
            ("", "=ROW(A8)-1"),
        ]);
        let filled = fill(&mut values, &formulas);
        assert_eq!(
            numbers(&values),
            ["序号", "1", "2", "3", "4", "5", "6", "7"]
        );
        assert_eq!(filled.worked_out.len(), 6);
        assert!(filled.left_blank.is_empty());
    }

    #[test]
    fn a_formula_it_does_not_know_is_left_blank_and_listed() {
        let (mut values, formulas) = sheet(&[
            ("1", ""),
            ("", "=VLOOKUP(B2,Sheet2!A:B,2,0)"),
            ("", "=A1+"),
            ("7", "=A1+6"),
        ]);
        let filled = fill(&mut values, &formulas);
        assert_eq!(numbers(&values), ["1", "", "", "7"]);
        let blank: Vec<&str> = filled.left_blank.iter().map(|c| c.2.as_str()).collect();
        assert_eq!(blank, ["VLOOKUP(B2,Sheet2!A:B,2,0)", "A1+"]);
        // A cell whose result was saved keeps it.
        assert!(filled.worked_out.is_empty());
    }
}
