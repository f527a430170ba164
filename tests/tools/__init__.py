"""Development tooling outside the product's import graph: benchmarks and the extraction evaluation."""
