//! Chrome declarativeNetRequest rules generated from the brand table (stub: see issue 4).

use serde::Serialize;

use crate::brands::Brand;

/// One declarativeNetRequest rule, in Chrome's JSON shape.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: u32,
    pub priority: u32,
    pub action: serde_json_value::Action,
    pub condition: serde_json_value::Condition,
}

pub mod serde_json_value {
    use serde::Serialize;

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        #[serde(rename = "type")]
        pub kind: String,
        pub redirect: Option<Redirect>,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Redirect {
        pub regex_substitution: String,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Condition {
        pub regex_filter: String,
        pub resource_types: Vec<String>,
    }
}

/// Rules for the static ruleset.
pub fn rules(_brands: &[Brand]) -> Vec<Rule> {
    Vec::new()
}
