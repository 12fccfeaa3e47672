//! Compose: (plan, report) → the documents of the output, each with its path and bytes.

use crate::checks::Report;
use crate::diag::{Error, Result};
use crate::document::{Document, Format, Kind};
use crate::model::Plan;
use crate::templates::Templates;
use crate::view::AuditView;

/// The README written into the output folder (also committed as `output/README.md`).
pub const OUTPUT_README: &str = include_str!("../templates/output_readme.md");

/// Every document of a publish.
pub fn compose(plan: &Plan, report: &Report, templates: &Templates) -> Result<Vec<Document>> {
    let audit = templates.render("audit.md.tera", &AuditView::new(plan, report))?;
    Ok(vec![
        Document {
            path: "校对报告.md".into(),
            kind: Kind::Audit,
            format: Format::Markdown,
            unit: None,
            bytes: audit.into_bytes(),
        },
        Document {
            path: "plan.json".into(),
            kind: Kind::Model,
            format: Format::Json,
            unit: None,
            bytes: plan_json(plan)?,
        },
        Document {
            path: "README.md".into(),
            kind: Kind::Readme,
            format: Format::Markdown,
            unit: None,
            bytes: OUTPUT_README.as_bytes().to_vec(),
        },
    ])
}

/// The plan as pretty JSON with a final newline: what `dump --json` prints.
pub fn plan_json(plan: &Plan) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(plan).map_err(|e| Error::Render(format!("plan.json：{e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}
