/**
 * A saved version of an external model, as the models table keeps it. Edgeline cannot store the
 * model's own parameters (they live in the user's process), so a version is what reproduces it:
 * the model's name and files, the cutoff and seed it was trained to, and the sha256 of the state
 * folder it wrote. Restoring a version retrains the model to the same cutoff and checks that the
 * state comes out the same (docs/external-models.md, "Model versions and resume").
 */
export interface ExternalModelSnapshot {
  readonly format: 'edgeline-external-model/1';
  readonly kind: 'external';
  readonly name: string;
  readonly cutoff: string;
  readonly seed: number;
  readonly marketInformed: boolean;
  /** sha256 over the state folder's files (relative path and bytes); the empty folder has a hash too. */
  readonly stateSha256: string;
  readonly trainedThrough: string;
  readonly trainingWindow: { readonly from: string; readonly to: string; readonly matches: number };
  /** The model's files when it was trained (models-file entry + sha256 of the files it names). */
  readonly identity: { readonly command: string; readonly args: readonly string[]; readonly cwd: string; readonly files: readonly { readonly path: string; readonly sha256: string }[] };
}

/** A run priced from a file: the "version" is the file (name and sha256); its rows are in imported_predictions. */
export interface ImportedPredictionsSnapshot {
  readonly format: 'edgeline-imported-predictions/1';
  readonly kind: 'imported';
  readonly fileName: string;
  readonly sha256: string;
  readonly cutoff: string;
  readonly trainedThrough: string;
  readonly trainingWindow: { readonly from: string; readonly to: string; readonly matches: number };
}
