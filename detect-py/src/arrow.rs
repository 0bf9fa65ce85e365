//! Arrow string columns in, Arrow data out: the native half of
//! `sladd.arrow` (docs/contract.md §12).
//!
//! A column comes in through the Arrow PyCapsule interface
//! (`__arrow_c_array__` or `__arrow_c_stream__`; pyo3-arrow imports it
//! without copying the strings), is cut into blocks of rows, and the
//! blocks are scanned on every core with the GIL released
//! ([`parallel::map_each`]). Results leave the same way: [`ArrowTable`]
//! (one row per finding) and [`ArrowColumn`] (one value per input row)
//! export themselves through the same interface, so pyarrow, Polars,
//! DuckDB and pandas read them without sladd importing any of them.
//!
//! Null rows stay null in every per-row result and have no findings.

use std::sync::Arc;

use arrow_array::builder::{
    GenericStringBuilder, StringBuilder, StringViewBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::{
    Array, ArrayRef, Int64Array, LargeStringArray, ListArray, RecordBatch,
    StringArray, StringViewArray, StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema};
use detect_core::RedactStyle;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use pyo3_arrow::ffi::{
    ArrayIterator, to_array_pycapsules, to_schema_pycapsule,
    to_stream_pycapsule,
};
use pyo3_arrow::input::AnyArray;

use crate::errors::panic_error;
use crate::{Scanner, offsets, parallel, parse_style};

/// Rows per block: at least this many, so that a block pays for its
/// thread hand-off and its output arrays...
const MIN_BLOCK: usize = 2048;
/// ...and at most this many, so that a few long texts do not leave a core
/// idle at the end.
const MAX_BLOCK: usize = 64 * 1024;

/// Registers the functions and classes in the native module. The Python
/// module `sladd.arrow` wraps them.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowTable>()?;
    m.add_class::<ArrowColumn>()?;
    m.add_function(wrap_pyfunction!(arrow_scan, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_scan_rows, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_redact, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_assess, m)?)?;
    Ok(())
}

/// One chunk of a string column, whatever its string layout.
enum Strings<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl<'a> Strings<'a> {
    fn new(a: &'a dyn Array) -> Strings<'a> {
        match a.data_type() {
            DataType::LargeUtf8 => Strings::Large(a.as_string::<i64>()),
            DataType::Utf8View => Strings::View(a.as_string_view()),
            // `columns` lets nothing else through.
            _ => Strings::Utf8(a.as_string::<i32>()),
        }
    }

    /// Row `i`, `None` when it is null.
    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

fn is_string(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// The chunks of a string column (one chunk for an array). A dictionary
/// of strings (a pandas or Polars categorical) is decoded.
fn columns(array: AnyArray) -> PyResult<(Vec<ArrayRef>, FieldRef)> {
    let (chunks, field) = array.into_chunked_array()?.into_inner();
    let t = field.data_type().clone();
    let decode = match &t {
        t if is_string(t) => None,
        DataType::Dictionary(_, v) if is_string(v) => Some((**v).clone()),
        other => {
            return Err(PyTypeError::new_err(format!(
                "sladd.arrow: expected a column of strings (utf8, \
                 large_utf8, utf8_view or a dictionary of them), not {other}"
            )));
        }
    };
    let Some(to) = decode else { return Ok((chunks, field)) };
    let chunks = chunks
        .iter()
        .map(|c| arrow_cast::cast(c, &to))
        .collect::<Result<Vec<_>, _>>()
        .map_err(arrow_error)?;
    let field = Arc::new(field.as_ref().clone().with_data_type(to));
    Ok((chunks, field))
}

fn arrow_error(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("sladd.arrow: {e}"))
}

/// Rows `start..end` of chunk `chunk`; `row0` is the row number of
/// `start` counted over all chunks.
struct Block {
    chunk: usize,
    start: usize,
    end: usize,
    row0: usize,
}

/// Cuts the chunks into blocks: about eight per core, never across a
/// chunk boundary, at least one per chunk (an empty chunk has an empty
/// block, so that per-row results keep the input's chunks).
fn blocks(chunks: &[ArrayRef]) -> Vec<Block> {
    let total: usize = chunks.iter().map(|c| c.len()).sum();
    let size =
        total.div_ceil(parallel::cores() * 8).clamp(MIN_BLOCK, MAX_BLOCK);
    let mut out = Vec::new();
    let mut row0 = 0;
    for (chunk, c) in chunks.iter().enumerate() {
        let mut start = 0;
        loop {
            let end = (start + size).min(c.len());
            out.push(Block { chunk, start, end, row0: row0 + start });
            start = end;
            if start >= c.len() {
                break;
            }
        }
        row0 += c.len();
    }
    out
}

/// Runs `f` on every block on every core, with the GIL released.
fn run<R: Send>(
    py: Python<'_>,
    chunks: &[ArrayRef],
    f: impl Fn(&Strings<'_>, &Block) -> R + Sync,
) -> PyResult<Vec<(usize, R)>> {
    let strings: Vec<Strings<'_>> =
        chunks.iter().map(|c| Strings::new(c.as_ref())).collect();
    let blocks = blocks(chunks);
    py.detach(|| {
        parallel::map_each(&blocks, |b| (b.chunk, f(&strings[b.chunk], b)))
    })
    .map_err(|p| panic_error(&*p.0))
}

/// Per-row results of a column: the blocks' arrays joined chunk by chunk.
fn per_chunk(
    n_chunks: usize,
    parts: Vec<(usize, ArrayRef)>,
) -> PyResult<Vec<ArrayRef>> {
    let mut grouped: Vec<Vec<ArrayRef>> = vec![Vec::new(); n_chunks];
    for (c, a) in parts {
        grouped[c].push(a);
    }
    grouped
        .into_iter()
        .map(|g| match g.as_slice() {
            [one] => Ok(one.clone()),
            many => {
                let refs: Vec<&dyn Array> =
                    many.iter().map(|a| a.as_ref()).collect();
                arrow_select::concat::concat(&refs).map_err(arrow_error)
            }
        })
        .collect()
}

/// A string column being built, in one of the three layouts.
enum Builder {
    Utf8(StringBuilder),
    Large(GenericStringBuilder<i64>),
    View(StringViewBuilder),
}

impl Builder {
    fn new(t: &DataType, rows: usize) -> Builder {
        match t {
            DataType::LargeUtf8 => {
                Builder::Large(GenericStringBuilder::with_capacity(rows, 0))
            }
            DataType::Utf8View => {
                Builder::View(StringViewBuilder::with_capacity(rows))
            }
            _ => Builder::Utf8(StringBuilder::with_capacity(rows, 0)),
        }
    }

    fn append(&mut self, v: Option<&str>) {
        match self {
            Builder::Utf8(b) => b.append_option(v),
            Builder::Large(b) => b.append_option(v),
            Builder::View(b) => b.append_option(v),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Builder::Utf8(mut b) => Arc::new(b.finish()),
            Builder::Large(mut b) => Arc::new(b.finish()),
            Builder::View(mut b) => Arc::new(b.finish()),
        }
    }
}

/// The findings of one block, column by column.
#[derive(Default)]
struct Findings {
    row: Vec<i64>,
    /// For each row of the block, the number of findings up to its end.
    ends: Vec<i32>,
    valid: Vec<bool>,
    kind: StringBuilder,
    group: StringBuilder,
    start: Vec<i64>,
    end: Vec<i64>,
    byte_start: Vec<i64>,
    byte_end: Vec<i64>,
    confidence: StringBuilder,
    masked: StringBuilder,
}

/// The columns of one finding, in table order after `row`.
fn finding_fields() -> Fields {
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    let i = |n: &str| Field::new(n, DataType::Int64, false);
    Fields::from(vec![
        s("kind"),
        s("group"),
        i("start"),
        i("end"),
        i("byte_start"),
        i("byte_end"),
        s("confidence"),
        s("masked"),
    ])
}

fn table_schema() -> Arc<Schema> {
    let mut fields = vec![Arc::new(Field::new("row", DataType::Int64, false))];
    fields.extend(finding_fields().iter().cloned());
    Arc::new(Schema::new(fields))
}

fn scan_block(
    sc: &detect_core::Scanner,
    strings: &Strings<'_>,
    b: &Block,
) -> Findings {
    let mut f = Findings::default();
    let (mut buf, mut masked) = (Vec::new(), String::new());
    for i in b.start..b.end {
        let Some(s) = strings.get(i) else {
            f.valid.push(false);
            f.ends.push(f.row.len() as i32);
            continue;
        };
        f.valid.push(true);
        let h = s.as_bytes();
        // Offsets in code points; the cursor (an ASCII check of the whole
        // text) is made only for a row with findings.
        let mut cursor = None;
        for m in sc.find_iter(h) {
            let c = cursor.get_or_insert_with(|| offsets::Cursor::new(h));
            let (start, _) = c.advance(m.start());
            let (end, _) = c.advance(m.end());
            f.row.push((b.row0 + i - b.start) as i64);
            f.kind.append_value(m.kind().as_str());
            f.group.append_value(m.group().as_str());
            f.start.push(start as i64);
            f.end.push(end as i64);
            f.byte_start.push(m.start() as i64);
            f.byte_end.push(m.end() as i64);
            f.confidence.append_value(m.confidence().as_str());
            masked.clear();
            crate::masked_into(&m, &h[m.range()], &mut buf, &mut masked);
            f.masked.append_value(&masked);
        }
        f.ends.push(f.row.len() as i32);
    }
    f
}

impl Findings {
    /// The finding columns (without `row`).
    fn columns(&mut self) -> Vec<ArrayRef> {
        let ints = |v: &mut Vec<i64>| -> ArrayRef {
            Arc::new(Int64Array::from(std::mem::take(v)))
        };
        vec![
            Arc::new(self.kind.finish()),
            Arc::new(self.group.finish()),
            ints(&mut self.start),
            ints(&mut self.end),
            ints(&mut self.byte_start),
            ints(&mut self.byte_end),
            Arc::new(self.confidence.finish()),
            Arc::new(self.masked.finish()),
        ]
    }

    fn into_batch(mut self) -> Result<RecordBatch, ArrowError> {
        let mut cols: Vec<ArrayRef> =
            vec![Arc::new(Int64Array::from(std::mem::take(&mut self.row)))];
        cols.extend(self.columns());
        RecordBatch::try_new(table_schema(), cols)
    }

    /// One list of findings per row; a null row gives a null list.
    fn into_lists(mut self) -> Result<ArrayRef, ArrowError> {
        let values =
            StructArray::try_new(finding_fields(), self.columns(), None)?;
        let offsets: Vec<i32> =
            std::iter::once(0).chain(self.ends.iter().copied()).collect();
        let nulls = self
            .valid
            .contains(&false)
            .then(|| NullBuffer::from(std::mem::take(&mut self.valid)));
        Ok(Arc::new(ListArray::try_new(
            list_item(),
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            Arc::new(values),
            nulls,
        )?))
    }
}

fn list_item() -> FieldRef {
    Arc::new(Field::new("item", DataType::Struct(finding_fields()), false))
}

/// The scanner to use: the caller's or a default one.
fn with_scanner<R>(
    scanner: Option<&Bound<'_, Scanner>>,
    f: impl FnOnce(&detect_core::Scanner) -> PyResult<R>,
) -> PyResult<R> {
    match scanner {
        Some(s) => f(&s.get().inner),
        None => f(&detect_core::Scanner::new()),
    }
}

/// The findings of a string column, one row per finding (see
/// ``sladd.arrow.scan``).
#[pyfunction]
#[pyo3(signature = (array, scanner=None))]
fn arrow_scan(
    py: Python<'_>,
    array: AnyArray,
    scanner: Option<&Bound<'_, Scanner>>,
) -> PyResult<ArrowTable> {
    let (chunks, _) = columns(array)?;
    let parts = with_scanner(scanner, |sc| {
        run(py, &chunks, |s, b| scan_block(sc, s, b).into_batch())
    })?;
    let mut batches = Vec::with_capacity(parts.len());
    for (_, b) in parts {
        let b = b.map_err(arrow_error)?;
        if b.num_rows() > 0 || batches.is_empty() {
            batches.push(b);
        }
    }
    if batches.len() > 1 && batches[0].num_rows() == 0 {
        batches.remove(0);
    }
    Ok(ArrowTable { batches })
}

/// The findings of a string column as one list per row (see
/// ``sladd.arrow.scan_rows``).
#[pyfunction]
#[pyo3(signature = (array, scanner=None))]
fn arrow_scan_rows(
    py: Python<'_>,
    array: AnyArray,
    scanner: Option<&Bound<'_, Scanner>>,
) -> PyResult<ArrowColumn> {
    let (chunks, field) = columns(array)?;
    let parts = with_scanner(scanner, |sc| {
        run(py, &chunks, |s, b| scan_block(sc, s, b).into_lists())
    })?;
    let parts = parts
        .into_iter()
        .map(|(c, a)| a.map(|a| (c, a)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(arrow_error)?;
    let field = Field::new(
        field.name(),
        DataType::List(list_item()),
        field.is_nullable(),
    );
    Ok(ArrowColumn {
        field: Arc::new(field),
        chunks: per_chunk(chunks.len(), parts)?,
    })
}

/// A string column with every finding masked (see ``sladd.arrow.redact``).
#[pyfunction]
#[pyo3(signature = (array, style="mask", scanner=None))]
fn arrow_redact(
    py: Python<'_>,
    array: AnyArray,
    style: &str,
    scanner: Option<&Bound<'_, Scanner>>,
) -> PyResult<ArrowColumn> {
    let style: RedactStyle = parse_style(style)?;
    let (chunks, field) = columns(array)?;
    let parts = with_scanner(scanner, |sc| {
        run(py, &chunks, |s, b| {
            let mut out = Builder::new(field.data_type(), b.end - b.start);
            let mut buf = Vec::new();
            for i in b.start..b.end {
                let v = s.get(i).map(|t| {
                    buf.clear();
                    if sc.redact_into(t, style, &mut buf) == 0 {
                        return t;
                    }
                    // Redaction keeps UTF-8 valid (whole characters are
                    // replaced); were it ever not, the panic is caught and
                    // raised as sladd's internal error, never a leak.
                    std::str::from_utf8(&buf)
                        .expect("redaction keeps UTF-8 valid")
                });
                out.append(v);
            }
            out.finish()
        })
    })?;
    Ok(ArrowColumn { field, chunks: per_chunk(chunks.len(), parts)? })
}

/// The record risk of every row (see ``sladd.arrow.assess``).
#[pyfunction]
#[pyo3(signature = (array, scanner=None))]
fn arrow_assess(
    py: Python<'_>,
    array: AnyArray,
    scanner: Option<&Bound<'_, Scanner>>,
) -> PyResult<ArrowColumn> {
    let (chunks, field) = columns(array)?;
    let parts = with_scanner(scanner, |sc| {
        run(py, &chunks, |s, b| {
            let mut out = StringBuilder::with_capacity(b.end - b.start, 0);
            for i in b.start..b.end {
                out.append_option(
                    s.get(i).map(|t| sc.assess(t).risk.as_str()),
                );
            }
            Arc::new(out.finish()) as ArrayRef
        })
    })?;
    let field = Field::new("risk", DataType::Utf8, field.is_nullable());
    Ok(ArrowColumn {
        field: Arc::new(field),
        chunks: per_chunk(chunks.len(), parts)?,
    })
}

/// The findings of a string column, one row per finding, as Arrow data.
///
/// Read it with anything that takes the Arrow PyCapsule interface
/// (``pyarrow.table(t)``, ``polars.DataFrame(t)``, DuckDB). Columns:
/// ``row`` (the input row, counted over all chunks), ``kind``, ``group``,
/// ``start``/``end`` (code points), ``byte_start``/``byte_end`` (UTF-8
/// bytes), ``confidence`` and ``masked`` (the value with its date part
/// kept, as ``Match.masked``).
#[pyclass(frozen, module = "sladd._sladd")]
pub(crate) struct ArrowTable {
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    /// The number of findings.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// The names of the columns.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        table_schema().fields().iter().map(|f| f.name().clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __arrow_c_schema__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, table_schema().as_ref())?)
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = table_schema();
        let arrays: Vec<ArrayRef> = self
            .batches
            .iter()
            .map(|b| Arc::new(StructArray::from(b.clone())) as ArrayRef)
            .collect();
        let field = Field::new_struct("", schema.fields().clone(), false);
        let reader =
            ArrayIterator::new(arrays.into_iter().map(Ok), field.into());
        Ok(to_stream_pycapsule(py, Box::new(reader), requested_schema)?)
    }

    /// The table as a ``pyarrow.Table`` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("pyarrow")?.call_method1("table", (slf,))
    }

    fn __repr__(&self) -> String {
        format!("ArrowTable(num_rows={})", self.num_rows())
    }
}

/// One value per input row, as Arrow data: the redacted strings, the
/// risk names or the lists of findings. Nulls stay null.
///
/// Read it with anything that takes the Arrow PyCapsule interface
/// (``pyarrow.array(c)``, ``polars.Series(c)``); it has the input's
/// chunks, and ``__arrow_c_array__`` joins them.
#[pyclass(frozen, module = "sladd._sladd")]
pub(crate) struct ArrowColumn {
    field: FieldRef,
    chunks: Vec<ArrayRef>,
}

impl ArrowColumn {
    fn joined(&self) -> PyResult<ArrayRef> {
        match self.chunks.as_slice() {
            [one] => Ok(one.clone()),
            [] => Ok(arrow_array::new_empty_array(self.field.data_type())),
            many => {
                let refs: Vec<&dyn Array> =
                    many.iter().map(|a| a.as_ref()).collect();
                arrow_select::concat::concat(&refs).map_err(arrow_error)
            }
        }
    }
}

#[pymethods]
impl ArrowColumn {
    fn __len__(&self) -> usize {
        self.chunks.iter().map(|c| c.len()).sum()
    }

    /// The number of null rows.
    #[getter]
    fn null_count(&self) -> usize {
        self.chunks.iter().map(|c| c.null_count()).sum()
    }

    /// The number of chunks (those of the input).
    #[getter]
    fn num_chunks(&self) -> usize {
        self.chunks.len()
    }

    /// The Arrow type, e.g. ``'Utf8'``.
    #[getter]
    fn r#type(&self) -> String {
        self.field.data_type().to_string()
    }

    fn __arrow_c_schema__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.field.as_ref())?)
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let array = self.joined()?;
        Ok(to_array_pycapsules(
            py,
            self.field.clone(),
            array.as_ref(),
            requested_schema,
        )?)
    }

    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let reader = ArrayIterator::new(
            self.chunks.clone().into_iter().map(Ok),
            self.field.clone(),
        );
        Ok(to_stream_pycapsule(py, Box::new(reader), requested_schema)?)
    }

    /// The column as a ``pyarrow.Array`` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("pyarrow")?.call_method1("array", (slf,))
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowColumn(type={}, len={}, null_count={})",
            self.field.data_type(),
            self.__len__(),
            self.null_count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(n: usize) -> ArrayRef {
        Arc::new(StringArray::from_iter_values((0..n).map(|i| i.to_string())))
    }

    #[test]
    fn blocks_cover_every_row_once_in_order() {
        let chunks =
            vec![strings(5000), strings(0), strings(1), strings(70_000)];
        let bs = blocks(&chunks);
        let mut next_row = 0;
        for (c, chunk) in chunks.iter().enumerate() {
            let mine: Vec<&Block> =
                bs.iter().filter(|b| b.chunk == c).collect();
            assert!(!mine.is_empty(), "chunk {c} has a block");
            let mut at = 0;
            for b in mine {
                assert_eq!((b.start, b.row0), (at, next_row + at));
                assert!(b.end - b.start <= MAX_BLOCK);
                at = b.end;
            }
            assert_eq!(at, chunk.len());
            next_row += chunk.len();
        }
        assert!(bs.windows(2).all(|w| w[0].chunk <= w[1].chunk));
    }

    #[test]
    fn findings_make_lists_and_batches() {
        let sc = detect_core::Scanner::builder().kind_names(["ids"]).build();
        let sc = sc.ok().unwrap();
        let a = StringArray::from(vec![
            Some("fnr 010180 00055"),
            None,
            Some(""),
            Some("Søknad, fnr 010180 00055 og CPR 010180-1004"),
        ]);
        let b = Block { chunk: 0, start: 0, end: a.len(), row0: 10 };
        let lists = scan_block(&sc, &Strings::Utf8(&a), &b).into_lists();
        let lists = lists.ok().unwrap();
        let lists = lists.as_list::<i32>();
        assert_eq!(lists.len(), 4);
        assert!(lists.is_null(1) && lists.is_valid(2));
        assert_eq!(lists.value_offsets(), [0, 1, 1, 1, 3]);
        let batch = scan_block(&sc, &Strings::Utf8(&a), &b).into_batch();
        let batch = batch.ok().unwrap();
        let rows =
            batch.column(0).as_primitive::<arrow_array::types::Int64Type>();
        assert_eq!(rows.values(), &[10, 13, 13]);
        let start =
            batch.column(3).as_primitive::<arrow_array::types::Int64Type>();
        let byte_start =
            batch.column(5).as_primitive::<arrow_array::types::Int64Type>();
        // "Søknad" has one two-byte letter before the second row's IDs.
        assert_eq!(start.values(), &[4, 12, 32]);
        assert_eq!(byte_start.values(), &[4, 13, 33]);
    }
}
