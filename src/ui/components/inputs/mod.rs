//! Entry fields of the client file: amounts and counts that keep what was typed, text, dates and
//! choices. Every field carries `data-testid="field-<suffix>"`; a parse error shows under it with
//! `data-testid="error-<suffix>"`.

mod numbers;
mod others;
mod parsed;

pub use numbers::amount_input;
pub use numbers::amount_input_with;
pub use numbers::count_input;
pub use numbers::months_input;
pub use others::date_input;
pub use others::form_field;
pub use others::select_input;
pub use others::text_input;
pub use parsed::parsed_input;
pub use parsed::ParsedField;
pub use parsed::Parser;
pub use parsed::Render;
