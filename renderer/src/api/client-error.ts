/**
 * The client throws the shared AppError, the engine's own error type. `ClientError` and
 * `errorShapeOf` are the names the renderer has used for them.
 */
export { AppError as ClientError, toErrorShape as errorShapeOf } from '../../../shared/contract';
