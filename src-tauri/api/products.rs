//! Her product list: listed, added, edited, archived (never deleted, so every
//! purchase keeps the product it named).

use super::tend::Tend;
use crate::domain::product::{Product, ProductDraft};
use crate::error::Result;
use crate::store::products;

impl Tend {
    pub fn products(&self) -> Result<Vec<Product>> {
        self.read(products::list)
    }

    /// Adds a product (`id` None) or changes one; a name already on the list is refused.
    pub fn save_product(&self, id: Option<i64>, draft: &ProductDraft) -> Result<Product> {
        let now = self.clock().now();
        let valid = draft.validate()?;
        self.write(|tx| {
            let id = match id {
                Some(id) => {
                    products::update(tx, id, &valid, now)?;
                    id
                }
                None => products::insert(tx, &valid, now)?,
            };
            products::get(tx, id)
        })
    }

    pub fn set_product_archived(&self, id: i64, archived: bool) -> Result<Product> {
        let now = self.clock().now();
        self.write(|tx| {
            products::set_archived(tx, id, archived, now)?;
            products::get(tx, id)
        })
    }
}
